package org.reportplatform.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.rules.Severity;
import org.reportplatform.contracts.rules.ValidationRule.ChangeWithin;
import org.reportplatform.contracts.rules.ValidationRule.NotAbove;
import org.reportplatform.contracts.rules.ValidationRule.StatedRateMatches;
import org.reportplatform.contracts.rules.ValidationRule;
import org.reportplatform.contracts.rules.ValidationRules;
import org.reportplatform.intake.domain.Numbers;

/**
 * Applies the rules of the contracts' {@code reference/rules.json} to the reported numbers of one submission: each
 * kind of check is written once, here. Messages name the indicators and quote the numbers, then the rule's reason, in
 * English and in Chinese. The Chinese of a stored warning is rendered again when it is read ({@link #messageZh}), from
 * the submission's own numbers, so that only the English one needs storing.
 */
@ApplicationScoped
public class RuleChecker {

    /** Enough digits to show a computed rate (91.5309) without pretending to more precision. */
    private static final MathContext SHOWN = new MathContext(6);

    /** A reported number, at its position in the request's values. */
    record Figure(int position, IndicatorCode indicator, BigDecimal value) {
    }

    /** What the unit reported in the same form one year earlier, in the version that counts. */
    record PreviousYear(PeriodCode period, Map<IndicatorCode, BigDecimal> values) {

        /** Nothing to compare with. */
        static final PreviousYear NONE = new PreviousYear(null, Map.of());
    }

    /**
     * A value that breaks a rule.
     *
     * @param fact   what the numbers are, in English: the message begins with it
     * @param factZh the same in Chinese
     */
    record Finding(ValidationRule rule, int position, IndicatorCode indicator, String fact, String factZh) {

        /** The value's place in the request, as problem+json names fields. */
        String field() {
            return "values[" + position + "].value";
        }

        boolean isHard() {
            return rule.severity() == Severity.HARD;
        }

        String message() {
            return fact + ": " + rule.message();
        }

        String messageZh() {
            return chinese(factZh, rule);
        }
    }

    private final ValidationRules rules;
    private final Catalogue catalogue;

    RuleChecker(ValidationRules rules, Catalogue catalogue) {
        this.rules = rules;
        this.catalogue = catalogue;
    }

    /** Every rule that {@code figures} (one per indicator) break, in the order of the values. */
    List<Finding> check(List<Figure> figures, PreviousYear previousYear) {
        Map<IndicatorCode, Figure> reported = figures.stream().collect(Collectors.toMap(Figure::indicator, Function.identity()));
        List<Finding> findings = new ArrayList<>();
        for (NotAbove rule : rules.of(NotAbove.class)) {
            checkNotAbove(rule, reported, findings);
        }
        for (StatedRateMatches rule : rules.of(StatedRateMatches.class)) {
            figures.forEach(figure -> checkStatedRate(rule, figure, reported, findings));
        }
        for (ChangeWithin rule : rules.of(ChangeWithin.class)) {
            figures.forEach(figure -> checkChange(rule, figure, previousYear, findings));
        }
        findings.sort(Comparator.comparingInt(Finding::position));
        return findings;
    }

    /**
     * The Chinese message of a warning stored for {@code indicator} under {@code ruleId}, from the actual numbers of
     * its submission for {@code period}; empty when the rule or the numbers are no longer there to say it with.
     */
    public Optional<String> messageZh(String ruleId, IndicatorCode indicator, Map<IndicatorCode, BigDecimal> actuals,
                                      PeriodCode period) {
        Optional<ValidationRule> found = rules.all().stream().filter(rule -> rule.id().equals(ruleId)).findFirst();
        // a rule or an indicator since removed from the reference data leaves the stored English as it is
        if (found.isEmpty() || !actuals.containsKey(indicator) || catalogue.indicator(indicator).isEmpty()) {
            return Optional.empty();
        }
        BigDecimal value = actuals.get(indicator);
        ValidationRule rule = found.get();
        Optional<String> fact = Optional.empty();
        if (rule instanceof NotAbove notAbove && notAbove.left().equals(indicator)) {
            fact = Optional.ofNullable(actuals.get(notAbove.right())).map(right -> notAboveFactZh(notAbove, value, right));
        } else if (rule instanceof StatedRateMatches) {
            Indicator ratio = indicator(indicator);
            BigDecimal numerator = ratio.numerator().map(actuals::get).orElse(null);
            BigDecimal denominator = ratio.denominator().map(actuals::get).orElse(null);
            if (ratio.rule() == AggregationRule.RATIO && numerator != null && denominator != null && denominator.signum() != 0) {
                fact = Optional.of(statedRateFactZh(ratio, value, numerator, denominator));
            }
        } else if (rule instanceof ChangeWithin change) {
            fact = period.previousYear().map(previous -> changeFactZh(change, indicator, value, previous));
        }
        return fact.map(chinese -> chinese(chinese, rule));
    }

    private void checkNotAbove(NotAbove rule, Map<IndicatorCode, Figure> reported, List<Finding> findings) {
        Figure left = reported.get(rule.left());
        Figure right = reported.get(rule.right());
        if (left != null && right != null && left.value().compareTo(right.value()) > 0) {
            findings.add(new Finding(rule, left.position(), left.indicator(),
                    left.indicator() + " (" + shown(left.value()) + ") is above " + right.indicator() + " (" + shown(right.value()) + ")",
                    notAboveFactZh(rule, left.value(), right.value())));
        }
    }

    private String notAboveFactZh(NotAbove rule, BigDecimal left, BigDecimal right) {
        return nameZh(rule.left()) + "（" + shown(left) + "）高于" + nameZh(rule.right()) + "（" + shown(right) + "）";
    }

    private void checkStatedRate(StatedRateMatches rule, Figure stated, Map<IndicatorCode, Figure> reported, List<Finding> findings) {
        Indicator ratio = indicator(stated.indicator());
        if (ratio.rule() != AggregationRule.RATIO) {
            return;
        }
        Figure numerator = reported.get(ratio.numerator().orElseThrow());
        Figure denominator = reported.get(ratio.denominator().orElseThrow());
        // withheld components leave nothing to compare with, and a zero denominator no rate at all
        if (numerator == null || denominator == null || denominator.value().signum() == 0) {
            return;
        }
        BigDecimal computed = computedRate(ratio, numerator.value(), denominator.value());
        if (stated.value().subtract(computed).abs().compareTo(rule.tolerance(ratio, computed)) > 0) {
            findings.add(new Finding(rule, stated.position(), stated.indicator(), stated.indicator() + " is stated as "
                    + shown(stated.value()) + " but " + numerator.indicator() + " / " + denominator.indicator() + " × "
                    + shown(ratio.factor()) + " is " + shown(computed.round(SHOWN)) + " (" + shown(numerator.value()) + " / "
                    + shown(denominator.value()) + ")",
                    statedRateFactZh(ratio, stated.value(), numerator.value(), denominator.value())));
        }
    }

    private String statedRateFactZh(Indicator ratio, BigDecimal stated, BigDecimal numerator, BigDecimal denominator) {
        BigDecimal computed = computedRate(ratio, numerator, denominator);
        return ratio.nameZh() + "填报为 " + shown(stated) + "，但" + nameZh(ratio.numerator().orElseThrow()) + " / "
                + nameZh(ratio.denominator().orElseThrow()) + " × " + shown(ratio.factor()) + " 为 " + shown(computed.round(SHOWN))
                + "（" + shown(numerator) + " / " + shown(denominator) + "）";
    }

    private static BigDecimal computedRate(Indicator ratio, BigDecimal numerator, BigDecimal denominator) {
        return numerator.multiply(ratio.factor()).divide(denominator, MathContext.DECIMAL64);
    }

    private void checkChange(ChangeWithin rule, Figure figure, PreviousYear previousYear, List<Finding> findings) {
        BigDecimal before = previousYear.values().get(figure.indicator());
        // only additive figures: a rate moves with its components, which are checked themselves; and only against a
        // positive base, of which a change can be a multiple
        if (indicator(figure.indicator()).rule() != AggregationRule.SUM || before == null || before.signum() <= 0) {
            return;
        }
        BigDecimal now = figure.value();
        String change;
        if (now.compareTo(before.multiply(rule.factor())) > 0) {
            change = "more than " + shown(rule.factor()) + " times";
        } else if (now.multiply(rule.factor()).compareTo(before) < 0) {
            change = "less than 1/" + shown(rule.factor()) + " of";
        } else {
            return;
        }
        findings.add(new Finding(rule, figure.position(), figure.indicator(), figure.indicator() + " is " + shown(now) + ", "
                + change + " its " + previousYear.period() + " value (" + shown(before) + ")",
                changeFactZh(rule, figure.indicator(), now, previousYear.period())));
    }

    /** Without the earlier number, which a stored warning does not keep: the same text when checked and when read. */
    private String changeFactZh(ChangeWithin rule, IndicatorCode indicator, BigDecimal now, PeriodCode previous) {
        return nameZh(indicator) + "为 " + shown(now) + "，与 " + previous + " 相比变化超过 " + shown(rule.factor()) + " 倍";
    }

    private Indicator indicator(IndicatorCode code) {
        return catalogue.indicator(code).orElseThrow();
    }

    private String nameZh(IndicatorCode code) {
        return indicator(code).nameZh();
    }

    /** A rule without a Chinese reason gives its English one: the numbers are said in Chinese all the same. */
    private static String chinese(String factZh, ValidationRule rule) {
        return factZh + "：" + (rule.messageZh() == null ? rule.message() : rule.messageZh());
    }

    private static String shown(BigDecimal number) {
        return Numbers.canonical(number).toPlainString();
    }
}
