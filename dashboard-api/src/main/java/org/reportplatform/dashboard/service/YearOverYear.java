package org.reportplatform.dashboard.service;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.ValueType;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/**
 * A figure compared with the same period a year earlier, like for like (同口径): both periods recomputed over the units
 * that reported the indicator in both, so that a change never compares 102 units with 2. Not given when fewer than
 * half of the expected units are comparable: such a change says more about who reported than about the region.
 *
 * @param previousPeriod  the same kind of period a year earlier; null for periods of the first year there are
 * @param comparableUnits the units that reported the indicator (a value, not withheld) in both periods
 * @param comparableValue this period's figure over the comparable units; null when no change is given
 * @param previousValue   the previous period's figure over the same units; null when no change is given
 * @param yoyChange       comparableValue − previousValue; null when no change is given
 * @param yoyPercent      the change in % of previousValue, for every value type but RATE; null for rates, when no
 *                        change is given or previousValue is 0
 * @param yoyPoints       the change in percentage points, for value type RATE (equal to yoyChange); null otherwise
 * @param yoyNote         why no change is given; null when it is
 */
public record YearOverYear(
        PeriodCode previousPeriod,
        int comparableUnits,
        BigDecimal comparableValue,
        BigDecimal previousValue,
        BigDecimal yoyChange,
        BigDecimal yoyPercent,
        BigDecimal yoyPoints,
        Note yoyNote) {

    /** Why no change is given. */
    public enum Note {
        /** Periods start in 1949: there is no year before. */
        NO_PREVIOUS_PERIOD,
        /** No unit reported the indicator in both periods. */
        NO_COMPARABLE_UNITS,
        /** Fewer than half of the expected units reported in both periods. */
        TOO_FEW_COMPARABLE_UNITS;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param current       each unit's figure of this period, by unit
     * @param previous      each unit's figure of the previous period, by unit
     * @param expectedUnits the units expected to report the indicator in this period
     */
    static YearOverYear likeForLike(Indicator indicator, PeriodCode previousPeriod, Map<RegionCode, UnitValue> current,
                                    Map<RegionCode, UnitValue> previous, int expectedUnits) {
        if (previousPeriod == null) {
            return notGiven(null, 0, Note.NO_PREVIOUS_PERIOD);
        }
        List<UnitValue> now = new ArrayList<>();
        List<UnitValue> before = new ArrayList<>();
        current.forEach((unit, value) -> {
            UnitValue earlier = previous.get(unit);
            if (value.isReported() && earlier != null && earlier.isReported()) {
                now.add(value);
                before.add(earlier);
            }
        });
        if (now.isEmpty()) {
            return notGiven(previousPeriod, 0, Note.NO_COMPARABLE_UNITS);
        }
        if (now.size() * 2 < expectedUnits) {
            return notGiven(previousPeriod, now.size(), Note.TOO_FEW_COMPARABLE_UNITS);
        }
        return of(indicator, previousPeriod, now.size(), UnitRollUp.valueOver(indicator, now),
                UnitRollUp.valueOver(indicator, before));
    }

    static YearOverYear of(Indicator indicator, PeriodCode previousPeriod, int comparableUnits, BigDecimal value,
                           BigDecimal previousValue) {
        if (value == null || previousValue == null) {
            return new YearOverYear(previousPeriod, comparableUnits, value, previousValue, null, null, null, null);
        }
        BigDecimal change = value.subtract(previousValue);
        // a rate's change is read in percentage points; a percentage of a percentage would mislead
        return indicator.valueType() == ValueType.RATE
                ? new YearOverYear(previousPeriod, comparableUnits, value, previousValue, change, null, change, null)
                : new YearOverYear(previousPeriod, comparableUnits, value, previousValue, change,
                Percentages.of(change, previousValue), null, null);
    }

    private static YearOverYear notGiven(PeriodCode previousPeriod, int comparableUnits, Note note) {
        return new YearOverYear(previousPeriod, comparableUnits, null, null, null, null, null, note);
    }
}
