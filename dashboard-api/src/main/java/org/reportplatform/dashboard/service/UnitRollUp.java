package org.reportplatform.dashboard.service;

import java.math.BigDecimal;
import java.util.Collection;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.Quotient;

/**
 * A region's figure recomputed at read time over some of its units (those that set a target, those that reported in
 * both years), by the indicator's {@link AggregationRule} as indicator-service rolls it up: Σ value (SUM, NONE), the
 * largest value (MAX), Σ numerator × factor / Σ denominator (RATIO), Σ(value × weight) / Σ weight
 * (AVERAGE_WEIGHTED). Quotients are the platform's one division ({@link Quotient}).
 */
public final class UnitRollUp {

    private UnitRollUp() {
    }

    /**
     * The figure over {@code units}, all of which reported it; null for none, or when the denominators sum to 0. One
     * unit's figure is its own value when its row carries no components (a rate target stated as the rate).
     */
    public static BigDecimal valueOver(Indicator indicator, Collection<UnitValue> units) {
        if (units.isEmpty()) {
            return null;
        }
        return switch (indicator.rule()) {
            case SUM, NONE -> units.stream().map(UnitValue::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            case MAX -> units.stream().map(UnitValue::value).max(BigDecimal::compareTo).orElseThrow();
            case RATIO, AVERAGE_WEIGHTED -> units.stream().allMatch(UnitValue::hasComponents)
                    ? quotientOver(indicator, units)
                    // several bare rates have no common weight: no figure over them exists
                    : units.size() == 1 ? units.iterator().next().value() : null;
        };
    }

    private static BigDecimal quotientOver(Indicator indicator, Collection<UnitValue> units) {
        BigDecimal numerator = units.stream().map(UnitValue::numerator).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal denominator = units.stream().map(UnitValue::denominator).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Quotient.of(numerator.multiply(factorOf(indicator)), denominator);
    }

    /** The factor the quotient is scaled by: 100 for a percentage; a weighted average has none. */
    static BigDecimal factorOf(Indicator indicator) {
        return indicator.rule() == AggregationRule.RATIO ? indicator.factor() : BigDecimal.ONE;
    }
}
