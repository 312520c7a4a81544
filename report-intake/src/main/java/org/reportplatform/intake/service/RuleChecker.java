package org.reportplatform.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * kind of check is written once, here. Messages name the indicators and quote the numbers, then the rule's reason.
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

    /** A value that breaks a rule. */
    record Finding(ValidationRule rule, int position, IndicatorCode indicator, String message) {

        /** The value's place in the request, as problem+json names fields. */
        String field() {
            return "values[" + position + "].value";
        }

        boolean isHard() {
            return rule.severity() == Severity.HARD;
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

    private static void checkNotAbove(NotAbove rule, Map<IndicatorCode, Figure> reported, List<Finding> findings) {
        Figure left = reported.get(rule.left());
        Figure right = reported.get(rule.right());
        if (left != null && right != null && left.value().compareTo(right.value()) > 0) {
            findings.add(finding(rule, left, left.indicator() + " (" + shown(left.value()) + ") is above "
                    + right.indicator() + " (" + shown(right.value()) + ")"));
        }
    }

    private void checkStatedRate(StatedRateMatches rule, Figure stated, Map<IndicatorCode, Figure> reported, List<Finding> findings) {
        Indicator ratio = indicator(stated);
        if (ratio.rule() != AggregationRule.RATIO) {
            return;
        }
        Figure numerator = reported.get(ratio.numerator().orElseThrow());
        Figure denominator = reported.get(ratio.denominator().orElseThrow());
        // withheld components leave nothing to compare with, and a zero denominator no rate at all
        if (numerator == null || denominator == null || denominator.value().signum() == 0) {
            return;
        }
        BigDecimal computed = numerator.value().multiply(ratio.factor()).divide(denominator.value(), MathContext.DECIMAL64);
        if (stated.value().subtract(computed).abs().compareTo(rule.tolerance(ratio, computed)) > 0) {
            findings.add(finding(rule, stated, stated.indicator() + " is stated as " + shown(stated.value()) + " but "
                    + numerator.indicator() + " / " + denominator.indicator() + " × " + shown(ratio.factor()) + " is "
                    + shown(computed.round(SHOWN)) + " (" + shown(numerator.value()) + " / " + shown(denominator.value()) + ")"));
        }
    }

    private void checkChange(ChangeWithin rule, Figure figure, PreviousYear previousYear, List<Finding> findings) {
        BigDecimal before = previousYear.values().get(figure.indicator());
        // only additive figures: a rate moves with its components, which are checked themselves; and only against a
        // positive base, of which a change can be a multiple
        if (indicator(figure).rule() != AggregationRule.SUM || before == null || before.signum() <= 0) {
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
        findings.add(finding(rule, figure, figure.indicator() + " is " + shown(now) + ", " + change + " its "
                + previousYear.period() + " value (" + shown(before) + ")"));
    }

    private Indicator indicator(Figure figure) {
        return catalogue.indicator(figure.indicator()).orElseThrow();
    }

    private static Finding finding(ValidationRule rule, Figure figure, String fact) {
        return new Finding(rule, figure.position(), figure.indicator(), fact + ": " + rule.message());
    }

    private static String shown(BigDecimal number) {
        return Numbers.canonical(number).toPlainString();
    }
}
