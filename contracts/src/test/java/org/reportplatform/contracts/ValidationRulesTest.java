package org.reportplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.rules.Severity;
import org.reportplatform.contracts.rules.ValidationRule;
import org.reportplatform.contracts.rules.ValidationRule.ChangeWithin;
import org.reportplatform.contracts.rules.ValidationRule.NotAbove;
import org.reportplatform.contracts.rules.ValidationRule.StatedRateMatches;
import org.reportplatform.contracts.rules.ValidationRules;

class ValidationRulesTest {

    private static final Catalogue CATALOGUE = Catalogue.load();
    private static final ValidationRules RULES = ValidationRules.load(CATALOGUE);

    @Test
    void rulesJsonLoadsEveryKindOfCheck() {
        assertThat(RULES.all()).hasSize(RULES.of(NotAbove.class).size() + 2);
        assertThat(RULES.of(StatedRateMatches.class)).singleElement().satisfies(rule -> {
            assertThat(rule.severity()).isEqualTo(Severity.SOFT);
            assertThat(rule.absoluteTolerance()).isEqualByComparingTo("0.05");
            assertThat(rule.relativeTolerance()).isEqualByComparingTo("0.005");
        });
        assertThat(RULES.of(ChangeWithin.class)).singleElement().satisfies(rule -> {
            assertThat(rule.severity()).isEqualTo(Severity.SOFT);
            assertThat(rule.factor()).isEqualByComparingTo("3");
        });
        assertThat(RULES.all()).allSatisfy(rule -> assertThat(rule.messageZh()).isNotBlank());
    }

    @Test
    void notAboveRulesNameOnlyAdditiveCatalogueIndicators() {
        assertThat(RULES.of(NotAbove.class)).hasSizeGreaterThanOrEqualTo(20).allSatisfy(rule -> {
            for (IndicatorCode code : List.of(rule.left(), rule.right())) {
                assertThat(CATALOGUE.indicator(code)).as("%s in %s", code, rule.id())
                        .hasValueSatisfying(indicator -> assertThat(indicator.rule()).isEqualTo(AggregationRule.SUM));
            }
        });
    }

    @Test
    void onlyTheRulesAgainstAResidentCohortAreSoftEveryPartOfAWholeIsHard() {
        // 毛入园率 and the enrolment of children with disabilities count school places against a resident cohort,
        // which children outside the age range or from other counties can exceed; every other left is a part of its right
        assertThat(RULES.of(NotAbove.class)).filteredOn(rule -> rule.severity() == Severity.SOFT)
                .extracting(NotAbove::id)
                .containsExactlyInAnyOrder("enrolled-within-cohort", "disabled-enrolled-within-disabled-children");
    }

    @Test
    void aPercentageMayBeOffByPointsAnyOtherRatioAlsoByAShareOfItsValue() {
        StatedRateMatches rule = RULES.of(StatedRateMatches.class).get(0);
        var percentage = CATALOGUE.indicator(IndicatorCode.of("pre_gross_enrolment_rate")).orElseThrow();
        var perTenThousand = CATALOGUE.indicator(IndicatorCode.of("spt_sports_org_per_10k")).orElseThrow();

        assertThat(rule.tolerance(percentage, new BigDecimal("95"))).isEqualByComparingTo("0.05");
        assertThat(rule.tolerance(perTenThousand, new BigDecimal("0.4"))).isEqualByComparingTo("0.05");
        assertThat(rule.tolerance(perTenThousand, new BigDecimal("300"))).isEqualByComparingTo("1.5");
    }

    @Test
    void refusesRulesThatCouldNeverApplyOrAreMalformed() {
        assertRefused(notAbove("typo", "pre_enroled_children", "pop_age_3_5"), "unknown indicator pre_enroled_children");
        assertRefused(notAbove("two-forms", "sci_hnte_count", "edu_school_count"), "no form holds both");
        assertRefused(notAbove("Bad Id", "pre_enrolled_children", "pop_age_3_5"), "a rule id is lower-case words");
        assertThatThrownBy(() -> new ValidationRules(List.of(notAbove("twice", "pre_enrolled_children", "pop_age_3_5"),
                notAbove("twice", "pre_public_enrolled_children", "pre_enrolled_children")), CATALOGUE))
                .hasMessageContaining("listed twice: twice");
        assertThatThrownBy(() -> new ChangeWithin("jump", Severity.HARD, BigDecimal.TEN, "why", null))
                .hasMessageContaining("can only be soft");
        assertThatThrownBy(() -> new ChangeWithin("jump", Severity.SOFT, BigDecimal.ONE, "why", null))
                .hasMessageContaining("factor must be above 1");
        assertThatThrownBy(() -> new StatedRateMatches("rate", Severity.SOFT, new BigDecimal("-0.1"), BigDecimal.ZERO, "why", null))
                .hasMessageContaining("absoluteTolerance must be a number of at least 0");
    }

    private static NotAbove notAbove(String id, String left, String right) {
        return new NotAbove(id, Severity.HARD, IndicatorCode.of(left), IndicatorCode.of(right), "why", null);
    }

    private static void assertRefused(ValidationRule rule, String message) {
        assertThatThrownBy(() -> new ValidationRules(List.of(rule), CATALOGUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
