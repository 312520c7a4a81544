package org.reportplatform.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.catalogue.ValueType;
import org.reportplatform.contracts.period.PeriodCode;

class YearOverYearTest {

    private static final Catalogue CATALOGUE = Catalogue.load();
    private static final PeriodCode PREVIOUS = PeriodCode.of("2019");

    @Test
    void aCountChangesInPercentOfThePreviousValue() {
        YearOverYear yoy = YearOverYear.of(indicator("edu_school_count"), number("240"), PREVIOUS, number("200"));

        assertThat(yoy).isEqualTo(new YearOverYear(PREVIOUS, number("200"), number("40"), number("20"), null));
    }

    @Test
    void aRateChangesInPercentagePoints() {
        YearOverYear yoy = YearOverYear.of(indicator("pre_gross_enrolment_rate"), number("87.5"), PREVIOUS, number("80"));

        assertThat(yoy).isEqualTo(new YearOverYear(PREVIOUS, number("80"), number("7.5"), null, number("7.5")));
    }

    @Test
    void aPerCapitaFigureIsNoRateAndChangesInPercent() {
        Indicator perCapita = CATALOGUE.indicators().stream()
                .filter(indicator -> indicator.valueType() == ValueType.PER_CAPITA)
                .findFirst().orElseThrow();

        YearOverYear yoy = YearOverYear.of(perCapita, number("3"), PREVIOUS, number("4"));

        assertThat(yoy.yoyPercent()).isEqualByComparingTo("-25");
        assertThat(yoy.yoyPoints()).isNull();
    }

    @Test
    void withoutEitherValueThereIsNoChange() {
        assertThat(YearOverYear.of(indicator("edu_school_count"), number("240"), PREVIOUS, null))
                .isEqualTo(new YearOverYear(PREVIOUS, null, null, null, null));
        assertThat(YearOverYear.of(indicator("edu_school_count"), null, PREVIOUS, number("200")))
                .isEqualTo(new YearOverYear(PREVIOUS, number("200"), null, null, null));
        assertThat(YearOverYear.of(indicator("pre_gross_enrolment_rate"), null, PREVIOUS, number("80")).yoyPoints()).isNull();
    }

    @Test
    void fromZeroThereIsAChangeButNoPercentage() {
        assertThat(YearOverYear.of(indicator("edu_school_count"), number("10"), PREVIOUS, BigDecimal.ZERO))
                .isEqualTo(new YearOverYear(PREVIOUS, BigDecimal.ZERO, number("10"), null, null));
    }


    private static Indicator indicator(String code) {
        return CATALOGUE.indicator(IndicatorCode.of(code)).orElseThrow();
    }

    private static BigDecimal number(String value) {
        return new BigDecimal(value);
    }
}
