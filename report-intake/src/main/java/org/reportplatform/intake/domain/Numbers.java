package org.reportplatform.intake.domain;

import java.math.BigDecimal;

/** The numbers a submission may carry: what numeric(26, 6) in the database holds. */
public final class Numbers {

    public static final int MAX_INTEGER_DIGITS = 20;
    public static final int MAX_DECIMALS = 6;

    private Numbers() {
    }

    /** Digits before the decimal point; computed from precision and scale, so 1e999999 costs nothing. */
    public static int integerDigits(BigDecimal value) {
        return value.precision() - value.scale();
    }

    /** Significant decimals: 1.500 has one. */
    public static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /** One spelling per number (329.000000 and 3.29E+2 become 329), for hashing and display. Only for bounded values. */
    public static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
