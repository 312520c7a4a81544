package org.reportplatform.dashboard.service;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The percentages the API computes (changes, shares, reporting rates): 16 significant digits
 * ({@link MathContext#DECIMAL64}, as the roll-ups of docs/adr/0003), trailing zeros stripped.
 */
final class Percentages {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percentages() {
    }

    /** {@code part} / {@code whole} × 100; null when either is null or {@code whole} is zero. */
    static BigDecimal of(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        BigDecimal percent = part.multiply(HUNDRED).divide(whole, MathContext.DECIMAL64).stripTrailingZeros();
        // stripping 100 leaves 1E+2: valid JSON, but not what a dashboard expects to read
        return percent.scale() < 0 ? percent.setScale(0) : percent;
    }

    static BigDecimal of(int part, int whole) {
        return of(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }
}
