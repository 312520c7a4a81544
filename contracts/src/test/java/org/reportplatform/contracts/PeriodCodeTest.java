package org.reportplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.period.PeriodType;

class PeriodCodeTest {

    @ParameterizedTest
    @CsvSource({
            "2020,   YEARLY,        2020-01-01, 2020-12-31",
            "2020S1, HALF_YEARLY,   2020-01-01, 2020-06-30",
            "2020S2, HALF_YEARLY,   2020-07-01, 2020-12-31",
            "2020Q3, QUARTERLY,     2020-07-01, 2020-09-30",
            "202002, MONTHLY,       2020-02-01, 2020-02-29",
            "2020AY, ACADEMIC_YEAR, 2020-09-01, 2021-08-31",
            "2020T1, SEMESTER,      2020-09-01, 2021-02-28",
            "2020T2, SEMESTER,      2021-03-01, 2021-08-31"})
    void parsesEveryPeriodTypeWithItsSpan(String code, PeriodType type, LocalDate start, LocalDate end) {
        PeriodCode period = PeriodCode.of(code);
        assertThat(period.type()).isEqualTo(type);
        assertThat(period.start()).isEqualTo(start);
        assertThat(period.end()).isEqualTo(end);
        assertThat(period.value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20", "2020S3", "2020Q5", "202013", "202000", "2020ay", "1900", "2020-01", " 2020"})
    void rejectsMalformedPeriods(String code) {
        assertThatThrownBy(() -> PeriodCode.of(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void previousYearKeepsThePeriodType() {
        assertThat(PeriodCode.of("2020Q3").previousYear()).contains(PeriodCode.of("2019Q3"));
        assertThat(PeriodCode.of("2020").previousYear()).contains(PeriodCode.of("2019"));
        assertThat(PeriodCode.of("2020AY").previousYear()).contains(PeriodCode.of("2019AY"));
        assertThat(PeriodCode.of("1949").previousYear()).isEmpty();
    }
}
