package org.reportplatform.contracts.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionLevel;

/**
 * The figure of one indicator for one region and period, as published on {@code platform.topics.aggregates}.
 *
 * @param value          null when no unit reported it (or a ratio's denominator sums to zero)
 * @param numerator      Σ numerator for RATIO, Σ value × weight for AVERAGE_WEIGHTED; null otherwise
 * @param denominator    Σ denominator or Σ weight; null for additive indicators
 * @param reportingUnits units whose values are in the figure
 * @param withheldUnits  units that stated the figure redacted or missing (for a ratio: either component)
 * @param expectedUnits  units within the region that report this indicator's forms
 * @param incompleteUnits units that stated the indicator for some sub-period of a longer period (a quarter of the
 *                       year) but not for every one up to its end: not in the figure, which would mix cut-offs
 * @param kind           actual figures or targets
 * @param basis          computed from all data received, or from accepted data only
 * @param sources        at county level, the submission versions the unit's figure is made of (those stating the
 *                       indicator or one of its components); empty above it, and in events written before lineage
 *                       travelled with the figures
 */
public record AggregateEvent(
        IndicatorCode indicator,
        RegionCode region,
        RegionLevel level,
        PeriodCode period,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        int reportingUnits,
        int withheldUnits,
        int expectedUnits,
        Instant updatedAt,
        ValueKind kind,
        Basis basis,
        int incompleteUnits,
        List<CountedSubmission> sources) {

    public AggregateEvent {
        // events written before targets and accepted-only figures existed were actuals of all data received
        kind = kind == null ? ValueKind.ACTUAL : kind;
        basis = basis == null ? Basis.RECEIVED : basis;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A figure in which every unit that stated the indicator is complete. */
    public AggregateEvent(IndicatorCode indicator, RegionCode region, RegionLevel level, PeriodCode period,
                          BigDecimal value, BigDecimal numerator, BigDecimal denominator, int reportingUnits,
                          int withheldUnits, int expectedUnits, Instant updatedAt, ValueKind kind, Basis basis) {
        this(indicator, region, level, period, value, numerator, denominator, reportingUnits, withheldUnits,
                expectedUnits, updatedAt, kind, basis, 0, List.of());
    }

    public AggregateKey key() {
        return new AggregateKey(indicator, region, period, kind, basis);
    }
}
