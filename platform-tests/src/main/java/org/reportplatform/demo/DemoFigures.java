package org.reportplatform.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.Direction;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/**
 * Plausible figures for one county-level unit: deterministic per (unit, indicator, period, version), so the demo
 * can be loaded twice and tests can regenerate what they sent. Shares stay below their totals, about one value
 * in fifty is withheld ("X" in the report), and a rate is withheld whenever one of its components is.
 */
public final class DemoFigures {

    /** Shares that are not "most of the total"; the rest fall between 60% and 99%, or 0.2% to 3% where lower is better. */
    private static final Map<String, double[]> SHARE_RANGES = Map.of(
            "sci_rd_intensity", new double[] {0.005, 0.03},
            "sci_hnte_value_added_share", new double[] {0.1, 0.5});

    /** Figures that are a portion of another one: (whole, lowest share, highest share). */
    private static final Map<String, Portion> PORTIONS = Map.of(
            "pop_age_3_5", new Portion("pop_resident", 0.03, 0.045),
            "edu_student_count", new Portion("pop_resident", 0.10, 0.14),
            "edu_class_count", new Portion("edu_student_count", 0.02, 0.025),
            "pop_industrial_value_added", new Portion("pop_gdp", 0.25, 0.45));

    private record Portion(String of, double lowest, double highest) {
    }

    private final Catalogue catalogue;
    private final Map<IndicatorCode, Indicator> shareByNumerator = new HashMap<>();

    public DemoFigures(Catalogue catalogue) {
        this.catalogue = catalogue;
        catalogue.indicators().stream()
                .filter(i -> i.rule() == AggregationRule.RATIO && i.factor().compareTo(BigDecimal.valueOf(100)) == 0)
                .forEach(i -> shareByNumerator.putIfAbsent(i.numerator().orElseThrow(), i));
    }

    /** A submission of {@code dataset} for {@code unit}; version 2 and later revise a few additive figures. */
    public DemoSubmission submission(RegionCode unit, Dataset dataset, PeriodCode period, int version) {
        Map<IndicatorCode, BigDecimal> values = new HashMap<>();
        List<DemoSubmission.Value> out = new ArrayList<>();
        Map<IndicatorCode, Boolean> withheld = new LinkedHashMap<>();
        for (IndicatorCode code : dataset.indicators()) {
            Indicator indicator = catalogue.indicator(code).orElseThrow();
            boolean redacted = indicator.components().stream().anyMatch(c -> isWithheld(unit, c, period))
                    || (!indicator.rule().needsComponents() && isWithheld(unit, code, period));
            withheld.put(code, redacted);
        }
        for (var entry : withheld.entrySet()) {
            IndicatorCode code = entry.getKey();
            if (entry.getValue()) {
                out.add(new DemoSubmission.Value(code.value(), null, "redacted"));
            } else {
                out.add(new DemoSubmission.Value(code.value(), stated(unit, code, period, version, values), "reported"));
            }
        }
        // The content's hash in the key: a rerun replays the same submissions, a changed generator revises them.
        String key = "demo-%s-%s-%s-v%d-%08x".formatted(unit, dataset.code(), period, version, out.hashCode());
        return new DemoSubmission(key, unit.value(), dataset.code().value(), period.value(), out);
    }

    /** What the unit writes for an indicator: its own figure, or for a ratio the rate it computed itself. */
    private BigDecimal stated(RegionCode unit, IndicatorCode code, PeriodCode period, int version, Map<IndicatorCode, BigDecimal> memo) {
        Indicator indicator = catalogue.indicator(code).orElseThrow();
        return switch (indicator.rule()) {
            case RATIO -> {
                BigDecimal denominator = figure(unit, indicator.denominator().orElseThrow(), period, version, memo);
                yield denominator.signum() == 0 ? BigDecimal.ZERO
                        : figure(unit, indicator.numerator().orElseThrow(), period, version, memo)
                                .multiply(indicator.factor()).divide(denominator, 2, RoundingMode.HALF_UP);
            }
            case AVERAGE_WEIGHTED -> BigDecimal.valueOf(450 + random(unit, code, null, 1).nextInt(150) + random(unit, code, period, 2).nextInt(10));
            default -> figure(unit, code, period, version, memo);
        };
    }

    private BigDecimal figure(RegionCode unit, IndicatorCode code, PeriodCode period, int version, Map<IndicatorCode, BigDecimal> memo) {
        BigDecimal known = memo.get(code);
        if (known != null) {
            return known;
        }
        Indicator indicator = catalogue.indicator(code).orElseThrow();
        // The unit's character is the same every year; each year drifts a few percent from it, as real figures do
        // (so the previous-year check of intake rarely holds a demo submission).
        SplittableRandom character = random(unit, code, null, 1);
        double drift = 0.95 + 0.1 * random(unit, code, period, 2).nextDouble();
        Portion portion = PORTIONS.get(code.value());
        Indicator share = shareByNumerator.get(code);
        BigDecimal value;
        if (portion != null) {
            double part = portion.lowest() + (portion.highest() - portion.lowest()) * character.nextDouble();
            value = figure(unit, IndicatorCode.of(portion.of()), period, version, memo).multiply(BigDecimal.valueOf(part * drift));
        } else if (share != null) {
            double part = Math.min(1.0, shareOf(share, character) * drift);
            value = figure(unit, share.denominator().orElseThrow(), period, version, memo).multiply(BigDecimal.valueOf(part));
        } else {
            double revision = version > 1 && random(unit, code, period, version).nextInt(8) == 0
                    ? 0.9 + 0.2 * random(unit, code, period, version).nextDouble()
                    : 1.0;
            // only base figures are revised: parts follow their totals, so a part never exceeds its total
            value = BigDecimal.valueOf(base(unit, indicator, character) * drift * revision);
        }
        BigDecimal rounded = value.setScale(scaleOf(indicator), RoundingMode.HALF_UP);
        memo.put(code, rounded);
        return rounded;
    }

    private static double shareOf(Indicator share, SplittableRandom random) {
        double[] range = SHARE_RANGES.getOrDefault(share.code().value(),
                share.better() == Direction.LOWER ? new double[] {0.002, 0.03} : new double[] {0.6, 0.99});
        return range[0] + (range[1] - range[0]) * random.nextDouble();
    }

    /** A magnitude that fits the unit of measure, scaled by the county's size. */
    private double base(RegionCode unit, Indicator indicator, SplittableRandom random) {
        double size = 0.3 + 2.0 * random(unit, null, null, 0).nextDouble();
        double jitter = 0.5 + random.nextDouble();
        return switch (indicator.unit()) {
            case "人", "名", "人次" -> indicator.code().value().startsWith("pop_") ? 150_000 + 900_000 * size : 3_000 * size * jitter;
            case "万元" -> 8_000 * size * jitter;
            case "亿元" -> indicator.code().value().startsWith("pop_") ? 120 * size * jitter : 2 * size * jitter;
            case "元" -> 2_000_000 * size * jitter;
            case "平方米" -> 400_000 * size * jitter;
            case "亩" -> 100 * jitter;
            case "分" -> 450 + 150 * random.nextDouble();
            default -> 60 * size * jitter;
        };
    }

    private static int scaleOf(Indicator indicator) {
        return switch (indicator.valueType()) {
            case COUNT -> 0;
            default -> 2;
        };
    }

    private static boolean isWithheld(RegionCode unit, IndicatorCode code, PeriodCode period) {
        return random(unit, code, period, 7).nextInt(50) == 0;
    }

    private static SplittableRandom random(RegionCode unit, IndicatorCode code, PeriodCode period, int salt) {
        return new SplittableRandom(Objects.hash(unit.value(), code == null ? "" : code.value(), period == null ? "" : period.value(), salt));
    }
}
