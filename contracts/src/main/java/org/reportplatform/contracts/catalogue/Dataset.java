package org.reportplatform.contracts.catalogue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.period.PeriodType;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionKind;

/**
 * A form: a named set of indicators that county-level units report once per period of one type, due a number of
 * days after the period ends.
 *
 * @param unitKinds the kinds of county-level unit the form is assigned to: those expected to report it
 */
public record Dataset(DatasetCode code, String nameZh, String nameEn, PeriodType periodType, int dueDaysAfterPeriodEnd,
                      Set<IndicatorCode> indicators, Set<RegionKind> unitKinds) {

    /** Every kind of county-level unit: a form is assigned to all of them unless it says otherwise. */
    public static final Set<RegionKind> ALL_UNIT_KINDS = Set.copyOf(EnumSet.of(
            RegionKind.DISTRICT, RegionKind.COUNTY, RegionKind.COUNTY_CITY, RegionKind.ZONE, RegionKind.TOWNSHIP));

    public Dataset {
        unitKinds = Set.copyOf(unitKinds);
    }

    public boolean contains(IndicatorCode indicator) {
        return indicators.contains(indicator);
    }

    /** True when the unit is expected to report this form. */
    public boolean isAssignedTo(Region unit) {
        return unit.isReportingUnit() && unitKinds.contains(unit.kind());
    }

    /** The last day on which a submission for {@code period} is on time. */
    public LocalDate dueDate(PeriodCode period) {
        return period.end().plusDays(dueDaysAfterPeriodEnd);
    }
}
