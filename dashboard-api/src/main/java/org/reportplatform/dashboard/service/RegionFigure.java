package org.reportplatform.dashboard.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionLevel;
import org.reportplatform.dashboard.domain.Aggregate;

/**
 * The figure of one indicator for one region and period.
 *
 * @param value        null while no unit has reported it
 * @param numerator    Σ numerator (ratio) or Σ value × weight (weighted average); null for additive indicators
 * @param denominator  Σ denominator or Σ weight; null for additive indicators
 * @param updatedAt    null while there is no figure
 * @param status       the data it is computed from: all received, or accepted only
 * @param target       the target and completion, written as fields of the figure
 * @param yearOverYear the comparison with a year earlier, written as fields of the figure
 */
public record RegionFigure(
        IndicatorCode indicator,
        RegionCode region,
        String regionName,
        RegionLevel level,
        PeriodCode period,
        Basis status,
        String unit,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        int reportingUnits,
        int withheldUnits,
        int expectedUnits,
        Instant updatedAt,
        @JsonUnwrapped Target target,
        @JsonUnwrapped YearOverYear yearOverYear) {

    static RegionFigure of(Indicator indicator, Region region, PeriodCode period, Basis status, Aggregate row,
                           Target target, YearOverYear yearOverYear) {
        return new RegionFigure(indicator.code(), region.code(), region.name(), region.level(), period, status,
                indicator.unit(), row.value, row.numerator, row.denominator, row.reportingUnits, row.withheldUnits,
                row.expectedUnits, row.updatedAt, target, yearOverYear);
    }

    /** No figure yet: nothing reported out of the units the region contains. */
    static RegionFigure notYetReported(Indicator indicator, Region region, PeriodCode period, Basis status,
                                       int expectedUnits, Target target, YearOverYear yearOverYear) {
        return new RegionFigure(indicator.code(), region.code(), region.name(), region.level(), period, status,
                indicator.unit(), null, null, null, 0, 0, expectedUnits, null, target, yearOverYear);
    }
}
