package org.reportplatform.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.period.PeriodCode;

class FormPeriodsTest {

    private static final Catalogue CATALOGUE = Catalogue.load();
    private static final Dataset QUARTERLY = CATALOGUE.dataset(DatasetCode.of("sci_quarterly")).orElseThrow();
    private static final Dataset YEARLY = CATALOGUE.dataset(DatasetCode.of("edu_annual")).orElseThrow();

    @Test
    void aLongerPeriodIsMadeOfTheFormsPeriodsOrOfNone() {
        assertThat(FormPeriods.makingUp(QUARTERLY, PeriodCode.of("2024"))).contains(periods("2024Q1", "2024Q2", "2024Q3", "2024Q4"));
        assertThat(FormPeriods.makingUp(QUARTERLY, PeriodCode.of("2024S2"))).contains(periods("2024Q3", "2024Q4"));
        assertThat(FormPeriods.makingUp(QUARTERLY, PeriodCode.of("2024YTD09"))).contains(periods("2024Q1", "2024Q2", "2024Q3"));
        assertThat(FormPeriods.makingUp(QUARTERLY, PeriodCode.of("2024Q2"))).contains(periods("2024Q2"));
        assertThat(FormPeriods.makingUp(QUARTERLY, PeriodCode.of("2024AY"))).isEmpty();
        assertThat(FormPeriods.makingUp(QUARTERLY, PeriodCode.of("202405"))).isEmpty();
        assertThat(FormPeriods.makingUp(YEARLY, PeriodCode.of("2024Q1"))).isEmpty();
        assertThat(FormPeriods.makingUp(YEARLY, PeriodCode.of("2024"))).contains(periods("2024"));
    }

    @Test
    void aYearInProgressCountsTheQuartersThatHaveEnded() {
        List<PeriodCode> year = periods("2026Q1", "2026Q2", "2026Q3", "2026Q4");
        assertThat(FormPeriods.counted(year, LocalDate.of(2026, 12, 3))).isEqualTo(periods("2026Q1", "2026Q2", "2026Q3"));
        // the quarter ends on its last day: it has ended the day after
        assertThat(FormPeriods.counted(year, LocalDate.of(2026, 9, 30))).isEqualTo(periods("2026Q1", "2026Q2"));
        assertThat(FormPeriods.counted(year, LocalDate.of(2026, 10, 1))).isEqualTo(periods("2026Q1", "2026Q2", "2026Q3"));
        assertThat(FormPeriods.counted(year, LocalDate.of(2027, 1, 1))).isEqualTo(year);
        // none has ended: the whole year, as a single quarter not yet over is itself
        assertThat(FormPeriods.counted(year, LocalDate.of(2026, 2, 1))).isEqualTo(year);
        assertThat(FormPeriods.counted(periods("2026Q4"), LocalDate.of(2026, 12, 3))).isEqualTo(periods("2026Q4"));
    }

    private static List<PeriodCode> periods(String... codes) {
        return java.util.Arrays.stream(codes).map(PeriodCode::of).toList();
    }
}
