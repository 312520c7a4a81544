package org.reportplatform.dashboard.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/**
 * Completeness and timeliness of a form for a region and period, with the units to chase.
 *
 * @param dueDate      the last day, in China, on which a submission is on time
 * @param coverage     the region's own counts, written as fields of the answer
 * @param children     the counts of each region directly below, highest reporting rate first, then by code; empty
 *                     for a reporting unit
 * @param missingUnits units within the region without a submission, by code
 * @param lateUnits    units within the region whose first submission was late, most days late first, then by code
 */
public record Completeness(
        DatasetCode dataset,
        PeriodCode period,
        @JsonUnwrapped Coverage coverage,
        LocalDate dueDate,
        List<Coverage> children,
        List<Unit> missingUnits,
        List<LateUnit> lateUnits) {

    public record Unit(RegionCode code, String name) {
    }

    /**
     * @param submittedAt when the unit first submitted
     * @param daysLate    calendar days in China after the due date
     */
    public record LateUnit(RegionCode code, String name, Instant submittedAt, long daysLate) {
    }
}
