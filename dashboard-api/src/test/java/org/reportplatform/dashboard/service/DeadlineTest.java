package org.reportplatform.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.period.PeriodCode;

class DeadlineTest {

    private static final Deadline EDU_2020 = Deadline.of(
            Catalogue.load().dataset(DatasetCode.of("edu_annual")).orElseThrow(), PeriodCode.of("2020"));

    @Test
    void aYearlyFormIsDueThirtyOneDaysAfterTheYear() {
        assertThat(EDU_2020.dueDate()).isEqualTo(LocalDate.of(2021, 1, 31));
    }

    @Test
    void theWholeDueDateInChinaIsOnTime() {
        // 2021-01-31 23:59:59 in China
        assertThat(EDU_2020.daysLate(Instant.parse("2021-01-31T15:59:59Z"))).isZero();
        assertThat(EDU_2020.daysLate(Instant.parse("2020-12-15T00:00:00Z"))).isZero();
    }

    @Test
    void afterMidnightInChinaIsLateThoughItIsStillTheDueDateInUtc() {
        // 2021-02-01 00:30 in China
        assertThat(EDU_2020.daysLate(Instant.parse("2021-01-31T16:30:00Z"))).isEqualTo(1);
        assertThat(EDU_2020.daysLate(Instant.parse("2021-01-31T16:00:00Z"))).isEqualTo(1);
    }

    @Test
    void daysLateCountCalendarDaysInChina() {
        // 2021-02-10 07:59 in China, though still 2021-02-09 in UTC
        assertThat(EDU_2020.daysLate(Instant.parse("2021-02-09T23:59:00Z"))).isEqualTo(10);
        assertThat(EDU_2020.daysLate(Instant.parse("2022-01-31T16:00:00Z"))).isEqualTo(366);
    }
}
