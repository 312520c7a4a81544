package org.reportplatform.contracts.catalogue;

import java.time.LocalDate;
import java.util.Set;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.period.PeriodType;

/**
 * A form: a named set of indicators that county-level units report once per period of one type, due a number of
 * days after the period ends.
 */
public record Dataset(DatasetCode code, String nameZh, String nameEn, PeriodType periodType, int dueDaysAfterPeriodEnd,
                      Set<IndicatorCode> indicators) {

    public boolean contains(IndicatorCode indicator) {
        return indicators.contains(indicator);
    }

    /** The last day on which a submission for {@code period} is on time. */
    public LocalDate dueDate(PeriodCode period) {
        return period.end().plusDays(dueDaysAfterPeriodEnd);
    }
}
