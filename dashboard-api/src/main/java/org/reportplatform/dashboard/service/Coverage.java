package org.reportplatform.dashboard.service;

import java.math.BigDecimal;
import java.util.List;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;

/**
 * How many of a region's reporting units stand in each state with a form for a period, and how many reported on
 * time. received + partialUnits + heldUnits + returnedUnits + missing = expected; onTime + late = received.
 *
 * @param expected      the reporting units within the region that the form is assigned to
 * @param received      expected units whose version that counts is a full report (已报), neither returned nor held;
 *                      for a year of a quarterly form, a full report for every quarter counted
 * @param partialUnits  expected units whose version that counts states fewer actual values than the form requires
 *                      (部分), or, for a year, that lack a quarter or sent a partial one
 * @param heldUnits     expected units whose latest version is held for an explanation (待说明), for any quarter
 * @param returnedUnits expected units whose version that counts the city returned (已退回), for any quarter
 * @param onTime        received units whose first version (not held) came on or before the due date (China time),
 *                      for a year: that of every quarter by the quarter's due date
 * @param late          received units that are not on time
 * @param missing       expected units that sent nothing (未报)
 * @param reportingRate 报送率: received / expected × 100; null when nothing is expected
 * @param timelyRate    及时率: onTime / expected × 100, never above reportingRate; null when nothing is expected
 */
public record Coverage(
        RegionCode region,
        String regionName,
        int expected,
        int received,
        int partialUnits,
        int heldUnits,
        int returnedUnits,
        int onTime,
        int late,
        int missing,
        BigDecimal reportingRate,
        BigDecimal timelyRate) {

    /** Counts only {@code units}, the region's expected units: nothing sent by any other region adds to its figures. */
    static Coverage of(Region region, List<UnitReport> units, Dataset form) {
        int received = count(units, ReportState.RECEIVED);
        int onTime = (int) units.stream().filter(unit -> unit.isOnTime(form)).count();
        return new Coverage(region.code(), region.name(), units.size(), received, count(units, ReportState.PARTIAL),
                count(units, ReportState.HELD), count(units, ReportState.RETURNED), onTime, received - onTime,
                count(units, ReportState.MISSING), Percentages.of(received, units.size()),
                Percentages.of(onTime, units.size()));
    }

    private static int count(List<UnitReport> units, ReportState state) {
        return (int) units.stream().filter(unit -> unit.state() == state).count();
    }
}
