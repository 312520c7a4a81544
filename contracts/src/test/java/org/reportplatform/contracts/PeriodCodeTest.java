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

    @ParameterizedTest
    @CsvSource({"2020YTD09, 2020-01-01, 2020-09-30", "2020YTD02, 2020-01-01, 2020-02-29", "2020YTD11, 2020-01-01, 2020-11-30"})
    void aYearToDateRunsFromJanuaryToTheEndOfItsMonth(String code, LocalDate start, LocalDate end) {
        PeriodCode period = PeriodCode.of(code);
        assertThat(period.type()).isEqualTo(PeriodType.YEAR_TO_DATE);
        assertThat(period.start()).isEqualTo(start);
        assertThat(period.end()).isEqualTo(end);
        assertThat(period.previousYear()).contains(PeriodCode.of("2019" + code.substring(4)));
    }

    @ParameterizedTest
    @CsvSource({"2020YTD01, 202001", "2020YTD03, 2020Q1", "2020YTD06, 2020S1", "2020YTD12, 2020"})
    void aSpanAnotherCodeNamesHasNoYearToDateCode(String code, String named) {
        // YTD12 is no code at all; the others are refused with the code that names the span
        assertThatThrownBy(() -> PeriodCode.of(code)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    if (!code.endsWith("12")) {
                        assertThat(e).hasMessageContaining(named);
                    }
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "2020;   QUARTERLY; 2020,2020YTD09,2020S1,2020Q1",
            "2020;   MONTHLY;   2020,2020YTD11,2020YTD10,2020YTD09,2020YTD08,2020YTD07,2020S1,2020YTD05,2020YTD04,2020Q1,2020YTD02,202001",
            "2020S2; QUARTERLY; 2020S2,2020Q3",
            "2020Q3; MONTHLY;   2020Q3,202007",
            "2020AY; SEMESTER;  2020AY,2020T1",
            "2020;   YEARLY;    2020",
            "2020AY; QUARTERLY; 2020AY"})
    void aLongerPeriodToDateAtEachOfItsSubPeriodsLatestFirst(String code, PeriodType subType, String toDate) {
        assertThat(PeriodCode.of(code).toDate(subType)).map(PeriodCode::value).containsExactly(toDate.split(","));
    }

    @org.junit.jupiter.api.Test
    void previousYearKeepsThePeriodType() {
        assertThat(PeriodCode.of("2020Q3").previousYear()).contains(PeriodCode.of("2019Q3"));
        assertThat(PeriodCode.of("2020").previousYear()).contains(PeriodCode.of("2019"));
        assertThat(PeriodCode.of("2020AY").previousYear()).contains(PeriodCode.of("2019AY"));
        assertThat(PeriodCode.of("1949").previousYear()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "202009; 2020Q3,2020S2,2020T1,2020YTD09,2020YTD10,2020YTD11,2020,2020AY",
            "202102; 2021YTD02,2021Q1,2021YTD04,2021YTD05,2021S1,2020T1,2021YTD07,2021YTD08,2021YTD09,2021YTD10,2021YTD11,2021,2020AY",
            "2020Q3; 2020S2,2020YTD09,2020",
            "2020Q2; 2020S1,2020YTD09,2020",
            "2020YTD09; ''",
            "2020S1; 2020",
            "2020T2; 2020AY",
            "2020;   ''",
            "2020AY; ''"})
    void rollsUpIntoTheLongerPeriodsItsTypeMakesUpExactly(String code, String enclosing) {
        assertThat(PeriodCode.of(code).enclosingPeriods()).map(PeriodCode::value)
                .containsExactly(enclosing.isEmpty() ? new String[0] : enclosing.split(","));
    }

    @org.junit.jupiter.api.Test
    void theDayOfAPeriodTypeIsInExactlyOnePeriod() {
        LocalDate day = LocalDate.of(2021, 1, 15);
        assertThat(PeriodCode.containing(day, PeriodType.SEMESTER)).contains(PeriodCode.of("2020T1"));
        assertThat(PeriodCode.containing(day, PeriodType.ACADEMIC_YEAR)).contains(PeriodCode.of("2020AY"));
        assertThat(PeriodCode.containing(day, PeriodType.MONTHLY)).contains(PeriodCode.of("202101"));
        assertThat(PeriodCode.containing(LocalDate.of(1949, 3, 1), PeriodType.ACADEMIC_YEAR)).isEmpty();
        assertThat(PeriodCode.of("2020").contains(PeriodCode.of("2020Q4"))).isTrue();
        assertThat(PeriodCode.of("2020").contains(PeriodCode.of("2020AY"))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aPeriodIsMadeOfTheShorterPeriodsThatRollUpIntoIt() {
        assertThat(PeriodCode.of("2020S2").subPeriods()).map(PeriodCode::value)
                .containsExactly("202007", "2020Q3", "202008", "202009", "202010", "2020Q4", "202011", "202012");
        assertThat(PeriodCode.of("2020AY").subPeriods()).map(PeriodCode::value)
                .contains("202009", "2020T1", "2020T2", "202108").doesNotContain("2020Q4", "2021S1").hasSize(14);
        assertThat(PeriodCode.of("202009").subPeriods()).isEmpty();
    }
}
