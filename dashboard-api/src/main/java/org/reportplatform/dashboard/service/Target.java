package org.reportplatform.dashboard.service;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.region.RegionCode;

/**
 * A figure's target and how far the figure has come towards it. Above the county a region's own target (下达 by the
 * city or province for the region as a whole) is compared with the region's figure; without one, the figure and the
 * target are both taken over the units that set a target and reported the figure, so that units without a target
 * never inflate the completion. A rate target stated as the rate itself weighs in with the unit's actual denominator.
 *
 * @param target        the region's own target, or the target over the target units; for a county its own target.
 *                      Null while there is none
 * @param completion    targetedValue / target × 100; null without either, or when the target is 0
 * @param targetedValue the figure the completion compares: the region's own figure against its own target, else the
 *                      figure over the target units only
 * @param targetUnits   the units that set a target and reported the figure: those target and completion are over
 * @param targetSource  where the target comes from; null without a target
 */
public record Target(BigDecimal target, BigDecimal completion, BigDecimal targetedValue, int targetUnits,
                     Source targetSource) {

    /** Where a target comes from. */
    public enum Source {
        /** The region's own target, set for it as a whole. */
        REGION,
        /** The targets of its units (for a county, its own). */
        UNITS;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** No target: none stated. */
    static final Target NONE = new Target(null, null, null, 0, null);

    /** A county's target, as it stated it. */
    static Target ofUnit(BigDecimal value, BigDecimal target) {
        if (target == null) {
            return NONE;
        }
        return new Target(target, Percentages.of(value, target), value, value == null ? 0 : 1, Source.UNITS);
    }

    /** A region's own target, against its figure over all its units; {@code targetUnits} is still said. */
    static Target ofRegion(BigDecimal value, BigDecimal ownTarget, int targetUnits) {
        return new Target(ownTarget, Percentages.of(value, ownTarget), value, targetUnits, Source.REGION);
    }

    /**
     * The target and the figure over the units that state both an actual and a target. A rate target without
     * components (a bare 95%) is the unit's actual denominator's worth of that rate: numerator = rate ÷ factor ×
     * actual denominator.
     *
     * @param actuals each unit's actual figure of the period, by unit
     * @param targets each unit's target, by unit
     */
    static Target overUnits(Indicator indicator, Map<RegionCode, UnitValue> actuals, Map<RegionCode, UnitValue> targets) {
        List<UnitValue> actual = new ArrayList<>();
        List<UnitValue> target = new ArrayList<>();
        actuals.forEach((unit, value) -> {
            UnitValue unitTarget = targets.get(unit);
            if (value.isReported() && unitTarget != null && unitTarget.isReported()) {
                actual.add(value);
                target.add(weighted(indicator, unitTarget, value));
            }
        });
        if (actual.isEmpty()) {
            return NONE;
        }
        BigDecimal targetValue = UnitRollUp.valueOver(indicator, target);
        BigDecimal targetedValue = UnitRollUp.valueOver(indicator, actual);
        return new Target(targetValue, Percentages.of(targetedValue, targetValue), targetedValue, actual.size(),
                Source.UNITS);
    }

    /** A target with the components a roll-up needs: a bare rate gets them from the unit's actual denominator. */
    private static UnitValue weighted(Indicator indicator, UnitValue target, UnitValue actual) {
        if (!indicator.rule().needsComponents() || target.hasComponents() || actual.denominator() == null) {
            return target;
        }
        BigDecimal numerator = target.value().multiply(actual.denominator())
                .divide(UnitRollUp.factorOf(indicator), MathContext.DECIMAL128);
        return new UnitValue(target.value(), numerator, actual.denominator());
    }
}
