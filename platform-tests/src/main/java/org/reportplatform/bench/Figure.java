package org.reportplatform.bench;

import java.util.Arrays;
import java.util.List;

/**
 * One figure of the report: its value in each repeated run, summarised as median and p99 (nearest rank, on the bad
 * side: the slowest latency, the lowest rate). With the few runs a benchmark can afford, that p99 is the worst run.
 *
 * @param target where the median stands against issue 14's floor and goal; empty for figures the issue sets none for
 */
record Figure(String section, String name, String unit, double median, double p99, List<Double> runs, String note, String target) {

    Figure {
        runs = List.copyOf(runs);
    }

    Figure(String section, String name, String unit, double median, double p99, List<Double> runs, String note) {
        this(section, name, unit, median, p99, runs, note, "");
    }

    /** This figure judged against a floor and goal of the issue. */
    Figure against(Target bounds) {
        return new Figure(section, name, unit, median, p99, runs, note, bounds.judge(median));
    }

    static Figure rate(String section, String name, String unit, List<Double> runs, String note) {
        return new Figure(section, name, unit, percentile(runs, 0.5), percentile(runs, 0.01), runs, note);
    }

    static Figure latency(String section, String name, List<Double> runsMs, String note) {
        return cost(section, name, "ms", runsMs, note);
    }

    /** A figure where less is better (time, CPU, records, memory): its p99 is the high end. */
    static Figure cost(String section, String name, String unit, List<Double> runs, String note) {
        return new Figure(section, name, unit, percentile(runs, 0.5), percentile(runs, 0.99), runs, note);
    }

    /** A figure its tool already summarised over its own runs. */
    static Figure summarised(String section, String name, String unit, double median, double p99, String note) {
        return new Figure(section, name, unit, median, p99, List.of(), note);
    }

    /** Nearest-rank percentile of {@code values}; NaN without values. */
    static double percentile(List<Double> values, double fraction) {
        return percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), fraction);
    }

    static double percentile(long[] samples, double fraction) {
        return percentile(Arrays.stream(samples).asDoubleStream().toArray(), fraction);
    }

    private static double percentile(double[] values, double fraction) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1))];
    }
}
