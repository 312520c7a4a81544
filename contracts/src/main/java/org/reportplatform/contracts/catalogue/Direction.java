package org.reportplatform.contracts.catalogue;

/** Which way is better when regions are ranked on an indicator. */
public enum Direction {
    HIGHER,
    LOWER,
    NONE
}
