package org.reportplatform.dashboard.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;

/**
 * How many of a region's reporting units submitted a form for a period, and how many of them on time.
 *
 * @param expected      the reporting units within the region that the form is assigned to: for now all of them
 * @param received      expected units that submitted; never more than expected, so the rate never exceeds 100
 * @param onTime        received units whose first submission was on or before the due date (China time)
 * @param late          received units whose first submission came after it
 * @param missing       expected units without a submission
 * @param reportingRate received / expected × 100; null when nothing is expected
 */
public record Coverage(
        RegionCode region,
        String regionName,
        int expected,
        int received,
        int onTime,
        int late,
        int missing,
        BigDecimal reportingRate) {

    /** Counts only {@code units}: a receipt of any other region never adds to a region's figures. */
    static Coverage of(Region region, List<Region> units, Map<RegionCode, Instant> firstSubmissions, Deadline deadline) {
        List<Instant> received = units.stream()
                .map(unit -> firstSubmissions.get(unit.code()))
                .filter(Objects::nonNull)
                .toList();
        int onTime = (int) received.stream().filter(deadline::isOnTime).count();
        return new Coverage(region.code(), region.name(), units.size(), received.size(), onTime,
                received.size() - onTime, units.size() - received.size(), Percentages.of(received.size(), units.size()));
    }
}
