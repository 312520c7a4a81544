package org.reportplatform.contracts.catalogue;

/** How the values of several units combine into the figure of the region that contains them. */
public enum AggregationRule {
    /** Counts, money, areas: Σ value. */
    SUM,
    /** Rates, shares, per-capita figures: Σ numerator / Σ denominator × factor, over units that reported both. */
    RATIO,
    /** Averages such as a mean exam score: Σ(value × weight) / Σ weight. */
    AVERAGE_WEIGHTED,
    /** The largest value of any unit. */
    MAX,
    /** Comparable only within the reporting unit: no figure above it. */
    NONE;

    /** Whether a unit must send other indicators beside this one for it to roll up. */
    public boolean needsComponents() {
        return this == RATIO || this == AVERAGE_WEIGHTED;
    }
}
