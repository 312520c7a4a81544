package org.reportplatform.dashboard.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import org.reportplatform.contracts.catalogue.Indicator;
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
 * @param yearOverYear the comparison with a year earlier, written as fields of the figure
 */
public record RegionFigure(
        IndicatorCode indicator,
        RegionCode region,
        String regionName,
        RegionLevel level,
        PeriodCode period,
        String unit,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        int reportingUnits,
        int withheldUnits,
        int expectedUnits,
        Instant updatedAt,
        @JsonUnwrapped YearOverYear yearOverYear) {

    static RegionFigure of(Indicator indicator, Region region, PeriodCode period, Aggregate row, YearOverYear yearOverYear) {
        return new RegionFigure(indicator.code(), region.code(), region.name(), region.level(), period, indicator.unit(),
                row.value, row.numerator, row.denominator, row.reportingUnits, row.withheldUnits, row.expectedUnits,
                row.updatedAt, yearOverYear);
    }

    /** No figure yet: nothing reported out of the units the region contains. */
    static RegionFigure notYetReported(Indicator indicator, Region region, PeriodCode period, int expectedUnits,
                                       YearOverYear yearOverYear) {
        return new RegionFigure(indicator.code(), region.code(), region.name(), region.level(), period, indicator.unit(),
                null, null, null, 0, 0, expectedUnits, null, yearOverYear);
    }
}
