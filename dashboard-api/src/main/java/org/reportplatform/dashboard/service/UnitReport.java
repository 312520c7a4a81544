package org.reportplatform.dashboard.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.dashboard.service.Completeness.LateUnit;
import org.reportplatform.dashboard.service.Completeness.Unit;

/**
 * Where one expected unit stands with a form over the periods completeness counts: one period, or the quarters of a
 * year of a quarterly form.
 *
 * @param periods each counted period's report, in order
 */
record UnitReport(Region unit, ReportState state, List<PeriodReport> periods) {

    /**
     * One period's series of versions.
     *
     * @param firstSubmittedAt when the unit first sent a version that is not held: what timeliness is judged by,
     *                         whatever revisions follow; null when it sent none
     */
    record PeriodReport(PeriodCode period, ReportState state, Instant firstSubmittedAt) {

        /** @param versions every stored version of the unit's form for the period, held ones included */
        static PeriodReport of(Dataset form, PeriodCode period, List<StoredVersion> versions) {
            Instant first = versions.stream().filter(version -> !version.held()).map(StoredVersion::submittedAt)
                    .min(Comparator.naturalOrder()).orElse(null);
            return new PeriodReport(period, stateOf(form, versions), first);
        }

        private static ReportState stateOf(Dataset form, List<StoredVersion> versions) {
            // versions are numbered in the order the intake stored them, held ones included
            Optional<StoredVersion> latest = versions.stream().max(Comparator.comparingInt(StoredVersion::version));
            if (latest.isEmpty()) {
                return ReportState.MISSING;
            }
            StoredVersion counting = latest.get();
            if (counting.held()) {
                return ReportState.HELD;
            }
            if (counting.reviewStatus() == ReviewStatus.RETURNED) {
                return ReportState.RETURNED;
            }
            return form.requiredBeyond(counting.statedActuals()).isEmpty() ? ReportState.RECEIVED : ReportState.PARTIAL;
        }

        long daysLate(Dataset form) {
            return Deadline.of(form, period).daysLate(firstSubmittedAt);
        }
    }

    /**
     * The unit's state over all the periods: missing when it sent nothing for any; held when a period is held, else
     * returned when one is returned (each is what to ask the unit for); received when every period is; partial
     * otherwise (a period missing or partial).
     */
    static UnitReport of(Region unit, List<PeriodReport> periods) {
        return new UnitReport(unit, stateOver(periods), List.copyOf(periods));
    }

    private static ReportState stateOver(List<PeriodReport> periods) {
        if (periods.stream().allMatch(period -> period.state() == ReportState.MISSING)) {
            return ReportState.MISSING;
        }
        for (ReportState decisive : List.of(ReportState.HELD, ReportState.RETURNED)) {
            if (periods.stream().anyMatch(period -> period.state() == decisive)) {
                return decisive;
            }
        }
        return periods.stream().allMatch(period -> period.state() == ReportState.RECEIVED)
                ? ReportState.RECEIVED : ReportState.PARTIAL;
    }

    /**
     * The unit as a received unit that was late: some period's first version came after that period's due date.
     * Empty for a unit on time, and for one not received, which is counted by its state instead.
     */
    Optional<LateUnit> lateness(Dataset form) {
        if (state != ReportState.RECEIVED) {
            return Optional.empty();
        }
        return periods.stream()
                .max(Comparator.comparingLong((PeriodReport period) -> period.daysLate(form)))
                .filter(latest -> latest.daysLate(form) > 0)
                .map(latest -> new LateUnit(unit.code(), unit.name(), latest.firstSubmittedAt(), latest.daysLate(form),
                        latest.period()));
    }

    boolean isOnTime(Dataset form) {
        return state == ReportState.RECEIVED && lateness(form).isEmpty();
    }

    /** The unit, with the periods that put it in its state: those missing or partial for a partial unit. */
    Unit asUnit() {
        Predicate<PeriodReport> putsItInItsState = switch (state) {
            case PARTIAL -> period -> period.state() != ReportState.RECEIVED;
            case HELD, RETURNED -> period -> period.state() == state;
            case RECEIVED, MISSING -> period -> true;
        };
        return new Unit(unit.code(), unit.name(),
                periods.stream().filter(putsItInItsState).map(PeriodReport::period).toList());
    }
}
