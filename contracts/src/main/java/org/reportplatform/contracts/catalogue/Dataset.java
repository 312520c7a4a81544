package org.reportplatform.contracts.catalogue;

import java.util.Set;
import org.reportplatform.contracts.period.PeriodType;

/** A form: a named set of indicators that county-level units report once per period of one type. */
public record Dataset(DatasetCode code, String nameZh, String nameEn, PeriodType periodType, Set<IndicatorCode> indicators) {

    public boolean contains(IndicatorCode indicator) {
        return indicators.contains(indicator);
    }
}
