package org.reportplatform.bench;

import java.util.Locale;

/**
 * A figure's floor and goal in issue 14's "Must show" table, and where a measured value stands against them.
 *
 * @param higherIsBetter true for rates and ratios, false for latencies, costs and memory
 */
record Target(double floor, double goal, boolean higherIsBetter) {

    static Target atMost(double floor, double goal) {
        return new Target(floor, goal, false);
    }

    static Target atLeast(double floor, double goal) {
        return new Target(floor, goal, true);
    }

    String judge(double value) {
        String bounds = String.format(Locale.ROOT, "floor %s %s, goal %s %s", higherIsBetter ? "≥" : "≤", Report.number(floor),
                higherIsBetter ? "≥" : "≤", Report.number(goal));
        if (Double.isNaN(value)) {
            return bounds + ": not measured";
        }
        String verdict = meets(value, goal) ? "meets the goal" : meets(value, floor) ? "meets the floor" : "SHORT of the floor";
        return bounds + ": " + verdict;
    }

    private boolean meets(double value, double bound) {
        return higherIsBetter ? value >= bound : value <= bound;
    }
}
