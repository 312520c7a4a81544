package org.reportplatform.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.catalogue.ValueType;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.dashboard.service.YearOverYear.Note;

class YearOverYearTest {

    private static final Catalogue CATALOGUE = Catalogue.load();
    private static final PeriodCode PREVIOUS = PeriodCode.of("2019");
    private static final RegionCode A = RegionCode.of("360702");
    private static final RegionCode B = RegionCode.of("360703");
    private static final RegionCode C = RegionCode.of("360704");

    @Test
    void aCountChangesInPercentOfThePreviousValue() {
        YearOverYear yoy = YearOverYear.of(indicator("edu_school_count"), PREVIOUS, 3, number("240"), number("200"));

        assertThat(yoy).isEqualTo(new YearOverYear(PREVIOUS, 3, number("240"), number("200"), number("40"), number("20"),
                null, null));
    }

    @Test
    void aRateChangesInPercentagePoints() {
        YearOverYear yoy = YearOverYear.of(indicator("pre_gross_enrolment_rate"), PREVIOUS, 1, number("87.5"), number("80"));

        assertThat(yoy).isEqualTo(new YearOverYear(PREVIOUS, 1, number("87.5"), number("80"), number("7.5"), null,
                number("7.5"), null));
    }

    @Test
    void aPerCapitaFigureIsNoRateAndChangesInPercent() {
        Indicator perCapita = CATALOGUE.indicators().stream()
                .filter(indicator -> indicator.valueType() == ValueType.PER_CAPITA)
                .findFirst().orElseThrow();

        YearOverYear yoy = YearOverYear.of(perCapita, PREVIOUS, 1, number("3"), number("4"));

        assertThat(yoy.yoyPercent()).isEqualByComparingTo("-25");
        assertThat(yoy.yoyPoints()).isNull();
    }

    @Test
    void fromZeroThereIsAChangeButNoPercentage() {
        assertThat(YearOverYear.of(indicator("edu_school_count"), PREVIOUS, 1, number("10"), BigDecimal.ZERO))
                .isEqualTo(new YearOverYear(PREVIOUS, 1, number("10"), BigDecimal.ZERO, number("10"), null, null, null));
    }

    @Test
    void onlyTheUnitsThatReportedInBothYearsAreCompared() {
        // B is new this year and C withheld last year: only A compares, 50 → 80
        YearOverYear yoy = YearOverYear.likeForLike(indicator("edu_school_count"), PREVIOUS,
                Map.of(A, value("80"), B, value("50"), C, value("10")),
                Map.of(A, value("50"), C, withheld()), 2);

        assertThat(yoy).isEqualTo(new YearOverYear(PREVIOUS, 1, number("80"), number("50"), number("30"), number("60"),
                null, null));
    }

    @Test
    void aRatioIsRecomputedFromTheComparableUnitsComponents() {
        // A: 90/100 → 80/100, B: 50/100 → 60/100; C only now. Like for like (140/200 → 140/200): no change
        YearOverYear yoy = YearOverYear.likeForLike(indicator("pre_gross_enrolment_rate"), PREVIOUS,
                Map.of(A, quotient("80", "100"), B, quotient("60", "100"), C, quotient("10", "100")),
                Map.of(A, quotient("90", "100"), B, quotient("50", "100")), 3);

        assertThat(yoy.comparableUnits()).isEqualTo(2);
        assertThat(yoy.comparableValue()).isEqualByComparingTo("70");
        assertThat(yoy.previousValue()).isEqualByComparingTo("70");
        assertThat(yoy.yoyPoints()).isEqualByComparingTo("0");
    }

    @Test
    void fewerThanHalfTheExpectedUnitsComparableGiveNoChange() {
        YearOverYear yoy = YearOverYear.likeForLike(indicator("edu_school_count"), PREVIOUS,
                Map.of(A, value("80"), B, value("50"), C, value("10")), Map.of(A, value("500")), 3);

        assertThat(yoy).isEqualTo(new YearOverYear(PREVIOUS, 1, null, null, null, null, null,
                Note.TOO_FEW_COMPARABLE_UNITS));
        assertThat(yoy.yoyNote().json()).isEqualTo("too-few-comparable-units");
    }

    @Test
    void withoutComparableUnitsOrAYearBeforeThereIsNoChange() {
        assertThat(YearOverYear.likeForLike(indicator("edu_school_count"), PREVIOUS, Map.of(A, value("1")), Map.of(), 1))
                .isEqualTo(new YearOverYear(PREVIOUS, 0, null, null, null, null, null, Note.NO_COMPARABLE_UNITS));
        assertThat(YearOverYear.likeForLike(indicator("edu_school_count"), null, Map.of(A, value("1")), Map.of(), 1)
                .yoyNote()).isEqualTo(Note.NO_PREVIOUS_PERIOD);
    }

    private static UnitValue value(String value) {
        return new UnitValue(number(value), null, null);
    }

    private static UnitValue withheld() {
        return new UnitValue(null, null, null);
    }

    private static UnitValue quotient(String numerator, String denominator) {
        BigDecimal value = number(numerator).multiply(BigDecimal.valueOf(100)).divide(number(denominator));
        return new UnitValue(value, number(numerator), number(denominator));
    }

    private static Indicator indicator(String code) {
        return CATALOGUE.indicator(IndicatorCode.of(code)).orElseThrow();
    }

    private static BigDecimal number(String value) {
        return new BigDecimal(value);
    }
}
