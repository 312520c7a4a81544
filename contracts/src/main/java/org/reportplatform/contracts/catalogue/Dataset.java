package org.reportplatform.contracts.catalogue;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.period.PeriodType;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionKind;

/**
 * A form: a named set of indicators that county-level units report once per period of one type, due a number of
 * days after the period ends.
 *
 * @param unitKinds          the kinds of county-level unit the form is assigned to: those expected to report it
 * @param requiredIndicators the indicators a submission must state (reported or withheld) to be a full report of the
 *                           form; one that states fewer is partial. From datasets.json: all but the rates, which
 *                           are computed from their components, unless the form names them
 */
public record Dataset(DatasetCode code, String nameZh, String nameEn, PeriodType periodType, int dueDaysAfterPeriodEnd,
                      Set<IndicatorCode> indicators, Set<RegionKind> unitKinds, Set<IndicatorCode> requiredIndicators) {

    /** Every kind of county-level unit: a form is assigned to all of them unless it says otherwise. */
    public static final Set<RegionKind> ALL_UNIT_KINDS = Set.copyOf(EnumSet.of(
            RegionKind.DISTRICT, RegionKind.COUNTY, RegionKind.COUNTY_CITY, RegionKind.ZONE, RegionKind.TOWNSHIP));

    public Dataset {
        unitKinds = Set.copyOf(unitKinds);
        requiredIndicators = Collections.unmodifiableSet(new LinkedHashSet<>(requiredIndicators));
        if (!indicators.containsAll(requiredIndicators)) {
            throw new IllegalArgumentException("dataset " + code + " requires indicators it does not hold");
        }
    }

    /** A form that requires all its indicators. */
    public Dataset(DatasetCode code, String nameZh, String nameEn, PeriodType periodType, int dueDaysAfterPeriodEnd,
                   Set<IndicatorCode> indicators, Set<RegionKind> unitKinds) {
        this(code, nameZh, nameEn, periodType, dueDaysAfterPeriodEnd, indicators, unitKinds, indicators);
    }

    /**
     * The required indicators a submission leaves out, given the indicators it states as actual figures (reported,
     * or withheld as redacted): empty for a full report. A value stated as missing is not stated.
     */
    public Set<IndicatorCode> requiredBeyond(Collection<IndicatorCode> statedActuals) {
        Set<IndicatorCode> lacking = new LinkedHashSet<>(requiredIndicators);
        lacking.removeAll(statedActuals);
        return Collections.unmodifiableSet(lacking);
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
