package org.reportplatform.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.period.PeriodType;

class FigurePeriodsTest {

    @Test
    void aYearServedAtItsHalfComparesWithTheHalfBeforeAndAimsAtTheYearsTarget() {
        FigurePeriods periods = FigurePeriods.toDate(PeriodCode.of("2024"), PeriodCode.of("2024S1"), PeriodType.QUARTERLY);

        assertThat(periods).isEqualTo(new FigurePeriods(PeriodCode.of("2024"), PeriodCode.of("2024S1"),
                PeriodCode.of("2024Q2"), PeriodCode.of("2023S1"), PeriodCode.of("2024")));
    }

    @Test
    void aYearToDateIsMeasuredAgainstTheWholeYearsTarget() {
        FigurePeriods periods = FigurePeriods.toDate(PeriodCode.of("2024YTD09"), PeriodCode.of("2024YTD09"),
                PeriodType.MONTHLY);

        assertThat(periods.cutOff()).isEqualTo(PeriodCode.of("202409"));
        assertThat(periods.previous()).isEqualTo(PeriodCode.of("2023YTD09"));
        assertThat(periods.target()).isEqualTo(PeriodCode.of("2024"));
    }

    @Test
    void aPeriodItsSubPeriodsDoNotMakeUpHasNoCutOff() {
        // an academic year ends in August, no quarter does
        FigurePeriods periods = FigurePeriods.toDate(PeriodCode.of("2024AY"), PeriodCode.of("2024AY"), PeriodType.QUARTERLY);

        assertThat(periods.cutOff()).isNull();
        assertThat(FigurePeriods.asIs(PeriodCode.of("2024Q1")).cutOff()).isNull();
    }
}
