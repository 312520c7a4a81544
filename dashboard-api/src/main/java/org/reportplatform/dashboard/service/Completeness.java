package org.reportplatform.dashboard.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/**
 * Completeness and timeliness of a form for a region and period, with the units to chase in each state.
 *
 * @param periods         the form's periods counted: the period itself, or for a longer one (a year of a quarterly
 *                        form) its quarters, only those that have ended while it is in progress
 * @param dueDate         the last day, in China, on which the last of {@code periods} is on time
 * @param coverage        the region's own counts, written as fields of the answer
 * @param children        the counts of each region directly below, highest reporting rate first, then by code; empty
 *                        for a reporting unit
 * @param missingUnits    units within the region that sent nothing (未报), by code
 * @param partialReports  units whose report is partial (部分), by code, with the periods missing or partial
 * @param heldReports     units whose latest version is held for an explanation (待说明), by code, with the periods held
 * @param returnedReports units whose report the city returned (已退回), by code, with the periods returned
 * @param lateUnits       received units that were late, most days late first, then by code
 */
public record Completeness(
        DatasetCode dataset,
        PeriodCode period,
        List<PeriodCode> periods,
        @JsonUnwrapped Coverage coverage,
        LocalDate dueDate,
        List<Coverage> children,
        List<Unit> missingUnits,
        List<Unit> partialReports,
        List<Unit> heldReports,
        List<Unit> returnedReports,
        List<LateUnit> lateUnits) {

    /** @param periods the counted periods that put the unit in its state */
    public record Unit(RegionCode code, String name, List<PeriodCode> periods) {
    }

    /**
     * @param submittedAt when the unit first sent {@code period}
     * @param daysLate    calendar days in China after that period's due date
     * @param period      the counted period the unit was latest with
     */
    public record LateUnit(RegionCode code, String name, Instant submittedAt, long daysLate, PeriodCode period) {
    }
}
