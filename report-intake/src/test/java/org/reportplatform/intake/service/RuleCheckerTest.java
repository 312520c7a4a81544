package org.reportplatform.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.rules.ValidationRules;

/** A finding's Chinese is the same when checked and when a stored warning is read again from its submission's numbers. */
class RuleCheckerTest {

    private static final Catalogue CATALOGUE = Catalogue.load();
    private static final RuleChecker RULES = new RuleChecker(ValidationRules.load(CATALOGUE), CATALOGUE);
    private static final IndicatorCode RATE = IndicatorCode.of("pre_gross_enrolment_rate");
    private static final IndicatorCode ENROLLED = IndicatorCode.of("pre_enrolled_children");
    private static final IndicatorCode COHORT = IndicatorCode.of("pop_age_3_5");
    private static final IndicatorCode SCHOOLS = IndicatorCode.of("edu_school_count");

    @Test
    void aSoftCohortRuleAndAStatedRateAreWordedInChineseAlike() {
        Map<IndicatorCode, BigDecimal> actuals = Map.of(RATE, new BigDecimal("99"), ENROLLED, new BigDecimal("10450"),
                COHORT, new BigDecimal("10000"));
        List<RuleChecker.Finding> findings = RULES.check(List.of(
                new RuleChecker.Figure(0, RATE, actuals.get(RATE)),
                new RuleChecker.Figure(1, ENROLLED, actuals.get(ENROLLED)),
                new RuleChecker.Figure(2, COHORT, actuals.get(COHORT))), RuleChecker.PreviousYear.NONE);

        assertThat(findings).extracting(finding -> finding.rule().id())
                .containsExactly("stated-rate-matches-components", "enrolled-within-cohort");
        assertThat(findings).noneMatch(RuleChecker.Finding::isHard);
        assertThat(findings.get(0).messageZh())
                .startsWith("学前三年毛入园率填报为 99，但在园幼儿数 / 3-5岁适龄儿童数 × 100 为 104.5（10450 / 10000）：省里按分子分母重新计算比率");
        assertThat(findings.get(1).messageZh()).startsWith("在园幼儿数（10450）高于3-5岁适龄儿童数（10000）：在园幼儿数超过");
        for (RuleChecker.Finding finding : findings) {
            assertThat(RULES.messageZh(finding.rule().id(), finding.indicator(), actuals, PeriodCode.of("2020")))
                    .hasValue(finding.messageZh());
        }
    }

    @Test
    void aChangeOnThePreviousYearIsWordedWithoutTheEarlierNumberWhichIsNotStored() {
        RuleChecker.PreviousYear previous = new RuleChecker.PreviousYear(PeriodCode.of("2019"), Map.of(SCHOOLS, new BigDecimal("100")));
        RuleChecker.Finding finding = RULES.check(List.of(new RuleChecker.Figure(0, SCHOOLS, new BigDecimal("400"))), previous).get(0);

        assertThat(finding.message()).startsWith("edu_school_count is 400, more than 3 times its 2019 value (100): ");
        assertThat(finding.messageZh()).startsWith("中小学校数为 400，与 2019 相比变化超过 3 倍：与上年相比变化过大");
        assertThat(RULES.messageZh(finding.rule().id(), SCHOOLS, Map.of(SCHOOLS, new BigDecimal("400")), PeriodCode.of("2020")))
                .hasValue(finding.messageZh());
    }

    @Test
    void aWarningWhoseRuleOrNumbersAreGoneKeepsItsStoredWording() {
        assertThat(RULES.messageZh("no-such-rule", SCHOOLS, Map.of(SCHOOLS, BigDecimal.ONE), PeriodCode.of("2020"))).isEmpty();
        assertThat(RULES.messageZh("enrolled-within-cohort", ENROLLED, Map.of(ENROLLED, BigDecimal.TEN), PeriodCode.of("2020"))).isEmpty();
    }
}
