package org.reportplatform.dashboard.service;

import java.math.BigDecimal;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.ValueType;
import org.reportplatform.contracts.period.PeriodCode;

/**
 * A figure compared with the same period a year earlier. Computed from the aggregated values of both periods, never
 * from the units' changes: a region's change is not the sum of its counties' changes when different units reported.
 *
 * @param previousPeriod the same kind of period a year earlier; null for periods of the first year there are
 * @param previousValue  the figure of the previous period; null while it has none
 * @param yoyChange      value − previousValue; null when either is null
 * @param yoyPercent     the change in % of previousValue, for every value type but RATE; null for rates, when either
 *                       value is null or previousValue is 0
 * @param yoyPoints      the change in percentage points, for value type RATE (equal to yoyChange); null otherwise
 */
public record YearOverYear(
        PeriodCode previousPeriod,
        BigDecimal previousValue,
        BigDecimal yoyChange,
        BigDecimal yoyPercent,
        BigDecimal yoyPoints) {

    static YearOverYear of(Indicator indicator, BigDecimal value, PeriodCode previousPeriod, BigDecimal previousValue) {
        if (value == null || previousValue == null) {
            return new YearOverYear(previousPeriod, previousValue, null, null, null);
        }
        BigDecimal change = value.subtract(previousValue);
        // a rate's change is read in percentage points; a percentage of a percentage would mislead
        return indicator.valueType() == ValueType.RATE
                ? new YearOverYear(previousPeriod, previousValue, change, null, change)
                : new YearOverYear(previousPeriod, previousValue, change, Percentages.of(change, previousValue), null);
    }
}
