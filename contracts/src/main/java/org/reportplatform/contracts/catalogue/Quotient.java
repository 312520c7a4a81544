package org.reportplatform.contracts.catalogue;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The one division of the platform: a ratio or weighted average from its summed components, however and wherever a
 * figure is computed (indicator-service's tallies, dashboard-api's read-time recomputations), so that the same sums
 * always give the same figure.
 */
public final class Quotient {

    /**
     * Quotients carry 16 significant digits (IEEE 754 decimal64, rounded half-even), far beyond what any figure
     * reported by a county means.
     */
    public static final MathContext PRECISION = MathContext.DECIMAL64;

    private Quotient() {
    }

    /** {@code dividend} / {@code divisor}; null when the divisor is 0. */
    public static BigDecimal of(BigDecimal dividend, BigDecimal divisor) {
        if (divisor.signum() == 0) {
            return null;
        }
        BigDecimal stripped = dividend.divide(divisor, PRECISION).stripTrailingZeros();
        // 2E+2 is exact but reads badly on the wire: keep whole numbers plain
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
