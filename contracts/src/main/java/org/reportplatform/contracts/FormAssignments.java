package org.reportplatform.contracts;

import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.contracts.region.Validity;

/**
 * Which reporting units are expected to report what: a form is assigned to the county-level units of the kinds it
 * names; an indicator is expected of every unit assigned a form that contains it. What completeness and every
 * figure's {@code expectedUnits} count.
 */
public final class FormAssignments {

    /** @param year the year whose units count ({@link Validity#yearOf}) */
    private record Expectation(Set<Dataset> forms, RegionCode region, Year year) {
    }

    private final RegionRegistry regions;
    /** The forms that hold each indicator, worked out once: figures ask for every event. */
    private final Map<IndicatorCode, Set<Dataset>> formsHolding;
    /** Few distinct sets of forms hold an indicator, and figures span few years, so this stays small. */
    private final Map<Expectation, Integer> expectedCounts = new ConcurrentHashMap<>();

    public FormAssignments(Catalogue catalogue, RegionRegistry regions) {
        this.regions = regions;
        this.formsHolding = catalogue.indicators().stream().collect(Collectors.toUnmodifiableMap(Indicator::code,
                indicator -> Set.copyOf(catalogue.formsHolding(indicator.code()))));
    }

    /**
     * The units in use in the period within the region as it was then, itself included, expected to report the form,
     * by code: for 2017, 南昌市 expects 湾里区 (until 2018), not 红谷滩区 (from 2019).
     */
    public List<Region> unitsExpectedToReport(Dataset form, RegionCode region, PeriodCode period) {
        return regions.reportingUnitsUnder(region, period).stream().filter(form::isAssignedTo).toList();
    }

    /**
     * How many units in use in the period within the region as it was then are expected to report the indicator, in
     * any of the forms that hold it.
     */
    public int unitsExpectedToReport(IndicatorCode indicator, RegionCode region, PeriodCode period) {
        Set<Dataset> forms = formsHolding.getOrDefault(indicator, Set.of());
        return expectedCounts.computeIfAbsent(new Expectation(forms, region, Validity.yearOf(period)), expectation ->
                (int) regions.reportingUnitsUnder(region, period).stream()
                        .filter(unit -> forms.stream().anyMatch(form -> form.isAssignedTo(unit)))
                        .count());
    }
}
