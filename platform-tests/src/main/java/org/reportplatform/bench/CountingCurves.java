package org.reportplatform.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Freshness by counting (PERFORMANCE.md §4): every submission raises one figure by exactly 1, so the figure's value is
 * the number of submissions applied. The k-th 202 is fresh when the figure first shows k; its latency is the
 * horizontal distance between the cumulative curve of 202s and the curve of the figure. No submission needs a
 * (province, year) of its own, so any rate can be measured on a few figures.
 */
final class CountingCurves {

    /** The figure showed {@code count} applied submissions at {@code nanos}. */
    record Observation(long nanos, long count) {
    }

    private CountingCurves() {
    }

    /**
     * Latencies in µs of the 202s at {@code acceptedNanos} (in the order they arrived), against the figure's
     * observations (in the order they arrived); a 202 the figure has not reached yet has none. A figure seen before
     * its 202 (the stream can beat the response) counts as 0.
     */
    static long[] latenciesMicros(List<Long> acceptedNanos, List<Observation> observations) {
        List<Long> latencies = new ArrayList<>();
        int seen = 0;
        long reached = observations.isEmpty() ? 0 : observations.get(0).count();
        for (int k = 1; k <= acceptedNanos.size(); k++) {
            while (reached < k && seen + 1 < observations.size()) {
                reached = Math.max(reached, observations.get(++seen).count());
            }
            if (reached < k) {
                break;
            }
            latencies.add(Math.max(0, observations.get(seen).nanos() - acceptedNanos.get(k - 1)) / 1000);
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }
}
