package org.reportplatform.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/**
 * Completion over the target units and the like-for-like change, from random county rows (reported, withheld or
 * absent in either year; targets as values, as components or as bare rates), equal an independent recomputation: a
 * plain loop over the units, in 34 digits.
 */
class ReadTimeRecomputationPropertyTest {

    private static final Catalogue CATALOGUE = Catalogue.load();
    private static final Indicator SUM = CATALOGUE.indicator(IndicatorCode.of("edu_school_count")).orElseThrow();
    private static final Indicator RATIO = CATALOGUE.indicator(IndicatorCode.of("pre_gross_enrolment_rate")).orElseThrow();
    private static final MathContext WIDE = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Both sides round quotients differently (16 against 34 digits): they agree to far more than a figure shows. */
    private static final BigDecimal TOLERANCE = new BigDecimal("1E-10");
    private static final PeriodCode PREVIOUS = PeriodCode.of("2019");

    /** A unit's rows: each null when absent. */
    record Unit(UnitValue now, UnitValue before, UnitValue target) {
    }

    @Test
    void completionAndYearOverYearOfASumEqualAnIndependentRecomputation() {
        Random random = new Random(13);
        for (int round = 0; round < 500; round++) {
            Map<RegionCode, Unit> units = units(random, SUM);
            int expected = units.size() + random.nextInt(4);
            checkCompletion(SUM, units);
            checkYearOverYear(SUM, units, expected);
        }
    }

    @Test
    void completionAndYearOverYearOfARatioEqualAnIndependentRecomputation() {
        Random random = new Random(2024);
        for (int round = 0; round < 500; round++) {
            Map<RegionCode, Unit> units = units(random, RATIO);
            int expected = units.size() + random.nextInt(4);
            checkCompletion(RATIO, units);
            checkYearOverYear(RATIO, units, expected);
        }
    }

    private static void checkCompletion(Indicator indicator, Map<RegionCode, Unit> units) {
        Target target = Target.overUnits(indicator, actuals(units, Unit::now), actuals(units, Unit::target));

        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal actualDenominator = BigDecimal.ZERO;
        BigDecimal goal = BigDecimal.ZERO;
        BigDecimal goalDenominator = BigDecimal.ZERO;
        int targetUnits = 0;
        for (Unit unit : units.values()) {
            if (!reported(unit.now()) || !reported(unit.target())) {
                continue;
            }
            targetUnits++;
            if (indicator == SUM) {
                actual = actual.add(unit.now().value());
                goal = goal.add(unit.target().value());
            } else {
                actual = actual.add(unit.now().numerator());
                actualDenominator = actualDenominator.add(unit.now().denominator());
                boolean bare = unit.target().numerator() == null;
                // a bare rate weighs as much as the unit's actual children aged 3-5
                goal = goal.add(bare ? unit.target().value().multiply(unit.now().denominator()).divide(HUNDRED)
                        : unit.target().numerator());
                goalDenominator = goalDenominator.add(bare ? unit.now().denominator() : unit.target().denominator());
            }
        }
        assertThat(target.targetUnits()).isEqualTo(targetUnits);
        if (targetUnits == 0) {
            assertThat(target).isEqualTo(Target.NONE);
            return;
        }
        BigDecimal expectedValue = indicator == SUM ? actual : ratio(actual, actualDenominator);
        BigDecimal expectedTarget = indicator == SUM ? goal : ratio(goal, goalDenominator);
        assertClose(target.targetedValue(), expectedValue);
        assertClose(target.target(), expectedTarget);
        assertClose(target.completion(), expectedValue.multiply(HUNDRED).divide(expectedTarget, WIDE));
    }

    private static void checkYearOverYear(Indicator indicator, Map<RegionCode, Unit> units, int expected) {
        YearOverYear yoy = YearOverYear.likeForLike(indicator, PREVIOUS, actuals(units, Unit::now),
                actuals(units, Unit::before), expected);

        BigDecimal now = BigDecimal.ZERO;
        BigDecimal nowDenominator = BigDecimal.ZERO;
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal beforeDenominator = BigDecimal.ZERO;
        int comparable = 0;
        for (Unit unit : units.values()) {
            if (reported(unit.now()) && reported(unit.before())) {
                comparable++;
                now = now.add(indicator == SUM ? unit.now().value() : unit.now().numerator());
                before = before.add(indicator == SUM ? unit.before().value() : unit.before().numerator());
                nowDenominator = nowDenominator.add(indicator == SUM ? BigDecimal.ZERO : unit.now().denominator());
                beforeDenominator = beforeDenominator.add(indicator == SUM ? BigDecimal.ZERO : unit.before().denominator());
            }
        }
        assertThat(yoy.comparableUnits()).isEqualTo(comparable);
        if (comparable == 0 || comparable * 2 < expected) {
            assertThat(yoy.yoyChange()).isNull();
            assertThat(yoy.previousValue()).isNull();
            assertThat(yoy.yoyNote()).isNotNull();
            return;
        }
        assertThat(yoy.yoyNote()).isNull();
        BigDecimal expectedNow = indicator == SUM ? now : ratio(now, nowDenominator);
        BigDecimal expectedBefore = indicator == SUM ? before : ratio(before, beforeDenominator);
        assertClose(yoy.comparableValue(), expectedNow);
        assertClose(yoy.previousValue(), expectedBefore);
        assertClose(yoy.yoyChange(), expectedNow.subtract(expectedBefore));
        if (indicator == SUM) {
            assertThat(yoy.yoyPoints()).isNull();
            if (expectedBefore.signum() != 0) {
                assertClose(yoy.yoyPercent(), expectedNow.subtract(expectedBefore).multiply(HUNDRED).divide(expectedBefore, WIDE));
            }
        } else {
            assertThat(yoy.yoyPercent()).isNull();
            assertClose(yoy.yoyPoints(), expectedNow.subtract(expectedBefore));
        }
    }

    private static Map<RegionCode, Unit> units(Random random, Indicator indicator) {
        Map<RegionCode, Unit> units = new HashMap<>();
        int count = 1 + random.nextInt(12);
        for (int i = 0; i < count; i++) {
            units.put(RegionCode.of(String.valueOf(360701 + i)),
                    new Unit(row(random, indicator, false), row(random, indicator, false), row(random, indicator, true)));
        }
        return units;
    }

    /** Absent, withheld or reported; a ratio's target may be a bare rate. */
    private static UnitValue row(Random random, Indicator indicator, boolean target) {
        int kind = random.nextInt(5);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return new UnitValue(null, null, null);
        }
        if (indicator == SUM) {
            return new UnitValue(BigDecimal.valueOf(random.nextInt(500)), null, null);
        }
        if (target && kind == 2) {
            return new UnitValue(new BigDecimal(random.nextInt(1200)).movePointLeft(1), null, null);
        }
        BigDecimal denominator = BigDecimal.valueOf(1 + random.nextInt(5000));
        BigDecimal numerator = BigDecimal.valueOf(random.nextInt(5000));
        return new UnitValue(ratio(numerator, denominator), numerator, denominator);
    }

    private static Map<RegionCode, UnitValue> actuals(Map<RegionCode, Unit> units,
                                                      Function<Unit, UnitValue> row) {
        Map<RegionCode, UnitValue> rows = new HashMap<>();
        units.forEach((code, unit) -> {
            if (row.apply(unit) != null) {
                rows.put(code, row.apply(unit));
            }
        });
        return rows;
    }

    private static boolean reported(UnitValue row) {
        return row != null && row.value() != null;
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.multiply(HUNDRED).divide(denominator, WIDE);
    }

    private static void assertClose(BigDecimal actual, BigDecimal expected) {
        assertThat(actual).isNotNull();
        BigDecimal scale = expected.abs().max(BigDecimal.ONE);
        assertThat(actual.subtract(expected).abs().divide(scale, WIDE)).isLessThanOrEqualTo(TOLERANCE);
    }
}
