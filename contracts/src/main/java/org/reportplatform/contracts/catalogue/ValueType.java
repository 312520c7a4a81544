package org.reportplatform.contracts.catalogue;

/** What kind of number an indicator is. */
public enum ValueType {
    COUNT,
    AMOUNT,
    AREA,
    SCORE,
    RATE,
    RATIO,
    PER_CAPITA;

    /** Counts, money and areas can never be negative. */
    public boolean isNonNegativeQuantity() {
        return this == COUNT || this == AMOUNT || this == AREA;
    }
}
