package org.reportplatform.contracts.catalogue;

/** How an indicator behaves over time. */
public enum Temporal {
    /** A level at a moment (children enrolled): a longer period takes the latest sub-period, never a sum. */
    STOCK,
    /** An amount over a span (money spent): a longer period sums its sub-periods. */
    FLOW
}
