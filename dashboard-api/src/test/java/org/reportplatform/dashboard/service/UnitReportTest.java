package org.reportplatform.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.service.UnitReport.PeriodReport;

/** The state of one unit from its stored versions, with plain objects. */
class UnitReportTest {

    private static final Dataset FORM = Catalogue.load().dataset(DatasetCode.of("sci_quarterly")).orElseThrow();
    private static final Region UNIT = RegionRegistry.load().find(RegionCode.of("360302")).orElseThrow();
    private static final PeriodCode Q1 = PeriodCode.of("2024Q1");
    private static final PeriodCode Q2 = PeriodCode.of("2024Q2");
    private static final Set<IndicatorCode> FULL = FORM.requiredIndicators();

    @Test
    void theLatestVersionDecidesAndAHeldOneCountsForNothingButItsState() {
        assertThat(stateOf()).isEqualTo(ReportState.MISSING);
        assertThat(stateOf(version(1, false, ReviewStatus.SUBMITTED, FULL))).isEqualTo(ReportState.RECEIVED);
        assertThat(stateOf(version(1, false, ReviewStatus.SUBMITTED, Set.of(IndicatorCode.of("sci_tech_contract_count")))))
                .isEqualTo(ReportState.PARTIAL);
        assertThat(stateOf(version(1, false, ReviewStatus.RETURNED, FULL))).isEqualTo(ReportState.RETURNED);
        assertThat(stateOf(version(1, false, ReviewStatus.RETURNED, FULL), version(2, false, ReviewStatus.SUBMITTED, FULL)))
                .isEqualTo(ReportState.RECEIVED);
        // a held revision is what the unit last sent, though version 1 still counts in the figures
        assertThat(stateOf(version(1, false, ReviewStatus.ACCEPTED, FULL), version(2, true, ReviewStatus.SUBMITTED, FULL)))
                .isEqualTo(ReportState.HELD);
        // reordered delivery: the explained version 3 replaces the held version 2
        assertThat(stateOf(version(3, false, ReviewStatus.SUBMITTED, FULL), version(2, true, ReviewStatus.SUBMITTED, FULL)))
                .isEqualTo(ReportState.RECEIVED);
    }

    @Test
    void timelinessIsTheFirstVersionNotHeld() {
        PeriodReport report = PeriodReport.of(FORM, Q1, List.of(
                version(2, false, ReviewStatus.SUBMITTED, FULL, "2024-05-01T02:00:00Z"),
                version(1, true, ReviewStatus.SUBMITTED, FULL, "2024-04-01T02:00:00Z"),
                version(3, false, ReviewStatus.SUBMITTED, FULL, "2024-06-01T02:00:00Z")));
        assertThat(report.firstSubmittedAt()).isEqualTo(Instant.parse("2024-05-01T02:00:00Z"));
        // due 2024-04-15
        assertThat(report.daysLate(FORM)).isEqualTo(16);
    }

    @Test
    void overSeveralPeriodsAHeldOrReturnedPeriodDecidesThenAnyGapMakesItPartial() {
        PeriodReport received = new PeriodReport(Q1, ReportState.RECEIVED, Instant.parse("2024-04-01T02:00:00Z"));
        PeriodReport lateReceived = new PeriodReport(Q2, ReportState.RECEIVED, Instant.parse("2024-07-20T02:00:00Z"));
        PeriodReport missing = new PeriodReport(Q2, ReportState.MISSING, null);
        PeriodReport returned = new PeriodReport(Q2, ReportState.RETURNED, Instant.parse("2024-07-01T02:00:00Z"));
        PeriodReport held = new PeriodReport(Q1, ReportState.HELD, null);

        assertThat(UnitReport.of(UNIT, List.of(received, missing)).state()).isEqualTo(ReportState.PARTIAL);
        assertThat(UnitReport.of(UNIT, List.of(received, missing)).asUnit().periods()).containsExactly(Q2);
        assertThat(UnitReport.of(UNIT, List.of(received, returned)).state()).isEqualTo(ReportState.RETURNED);
        assertThat(UnitReport.of(UNIT, List.of(held, returned)).state()).isEqualTo(ReportState.HELD);
        assertThat(UnitReport.of(UNIT, List.of(new PeriodReport(Q1, ReportState.MISSING, null), missing)).state())
                .isEqualTo(ReportState.MISSING);

        UnitReport year = UnitReport.of(UNIT, List.of(received, lateReceived));
        assertThat(year.state()).isEqualTo(ReportState.RECEIVED);
        assertThat(year.isOnTime(FORM)).isFalse();
        assertThat(year.lateness(FORM)).hasValueSatisfying(late -> {
            assertThat(late.period()).isEqualTo(Q2);
            assertThat(late.daysLate()).isEqualTo(5);
        });
        // a unit not received is counted by its state, neither on time nor late
        assertThat(UnitReport.of(UNIT, List.of(received, missing)).isOnTime(FORM)).isFalse();
        assertThat(UnitReport.of(UNIT, List.of(received, missing)).lateness(FORM)).isEmpty();
    }

    private static ReportState stateOf(StoredVersion... versions) {
        return PeriodReport.of(FORM, Q1, List.of(versions)).state();
    }

    private static StoredVersion version(int number, boolean held, ReviewStatus status, Set<IndicatorCode> stated) {
        return version(number, held, status, stated, "2024-04-0%dT02:00:00Z".formatted(number));
    }

    private static StoredVersion version(int number, boolean held, ReviewStatus status, Set<IndicatorCode> stated,
                                         String submittedAt) {
        return new StoredVersion(UNIT.code(), Q1, number, Instant.parse(submittedAt), status, held, stated);
    }
}
