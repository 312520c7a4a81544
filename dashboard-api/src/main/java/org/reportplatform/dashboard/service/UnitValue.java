package org.reportplatform.dashboard.service;

import java.math.BigDecimal;
import org.reportplatform.dashboard.domain.Aggregate;

/**
 * One reporting unit's figure of an indicator, as its county-level row holds it: what a region's figure over a chosen
 * set of its units is recomputed from.
 *
 * @param value       null when the unit withheld it (or a component), or has no row
 * @param numerator   numerator (ratio) or value × weight (weighted average); null for additive indicators, and for a
 *                    rate target stated as the rate itself
 * @param denominator denominator or weight; null as the numerator
 */
public record UnitValue(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {

    static UnitValue of(Aggregate row) {
        return new UnitValue(row.value, row.numerator, row.denominator);
    }

    /** A value, not withheld: what "the unit reported it" means. */
    public boolean isReported() {
        return value != null;
    }

    /** Whether the components are there: a rate stated without them cannot be weighted by itself. */
    boolean hasComponents() {
        return numerator != null && denominator != null;
    }
}
