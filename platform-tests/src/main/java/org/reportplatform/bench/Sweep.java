package org.reportplatform.bench;

import java.util.ArrayList;
import java.util.List;

/** Doubles the concurrency from 1 until the rate stops rising (two levels without 5% more than the best so far) or a cap. */
final class Sweep {

    interface Load {
        /** Runs one measured period at {@code concurrency} and answers its rate. */
        double rate(int concurrency) throws Exception;
    }

    record Outcome(int best, List<Integer> levels, List<Double> rates) {
    }

    private static final double RISE = 1.05;

    private Sweep() {
    }

    static Outcome run(String section, String unit, int maxConcurrency, Load load) throws Exception {
        List<Integer> levels = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        double best = 0;
        int bestLevel = 1;
        int sinceRise = 0;
        for (int level = 1; level <= maxConcurrency && sinceRise < 2; level *= 2) {
            double rate;
            try {
                rate = load.rate(level);
            } catch (Exception e) {
                if (levels.isEmpty()) {
                    throw e;
                }
                // e.g. no connection slot left on a shared server: the sweep ends at the last level that ran
                Log.step(section, "%3d concurrent: failed (%s); the sweep ends here".formatted(level, e.getMessage()));
                break;
            }
            levels.add(level);
            rates.add(rate);
            Log.step(section, "%3d concurrent: %.0f %s".formatted(level, rate, unit));
            sinceRise = rate > best * RISE ? 0 : sinceRise + 1;
            if (rate > best) {
                best = rate;
                bestLevel = level;
            }
        }
        return new Outcome(bestLevel, levels, rates);
    }
}
