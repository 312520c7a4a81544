package org.reportplatform.dashboard.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionLevel;

/**
 * The figure of one indicator for one region and period.
 *
 * @param period          the period asked for
 * @param coveredPeriod   the period the figure is of: the asked one, or for a longer period of a sub-period form the
 *                        asked period to its cut-off (2024S1 of 2024)
 * @param cutOff          the last sub-period of the form counted (2024Q2); null for a period of the form's own type
 * @param value           null while no unit has reported it
 * @param numerator       Σ numerator (ratio) or Σ value × weight (weighted average); null for additive indicators
 * @param denominator     Σ denominator or Σ weight; null for additive indicators
 * @param incompleteUnits units that stated some sub-periods up to the cut-off but not all: not in the figure
 * @param partial         a value from fewer units than expected (reportingUnits < expectedUnits): shown with ≈
 * @param updatedAt       null while there is no figure
 * @param status          the data it is computed from: all received, or accepted only
 * @param target          the target and completion, written as fields of the figure
 * @param yearOverYear    the like-for-like comparison with a year earlier, written as fields of the figure
 */
public record RegionFigure(
        IndicatorCode indicator,
        RegionCode region,
        String regionName,
        RegionLevel level,
        PeriodCode period,
        PeriodCode coveredPeriod,
        PeriodCode cutOff,
        Basis status,
        String unit,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        int reportingUnits,
        int withheldUnits,
        int expectedUnits,
        int incompleteUnits,
        boolean partial,
        Instant updatedAt,
        @JsonUnwrapped Target target,
        @JsonUnwrapped YearOverYear yearOverYear) {

    static RegionFigure of(Indicator indicator, Region region, FigurePeriods periods, Basis status, Measured measured) {
        return new RegionFigure(indicator.code(), region.code(), region.name(), region.level(), periods.asked(),
                periods.covered(), periods.cutOff(), status, indicator.unit(), measured.value(), measured.numerator(),
                measured.denominator(), measured.reportingUnits(), measured.withheldUnits(), measured.expectedUnits(),
                measured.incompleteUnits(), measured.partial(), measured.updatedAt(), measured.target(),
                measured.yearOverYear());
    }
}
