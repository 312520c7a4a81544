package org.reportplatform.dashboard.service;

import java.math.BigDecimal;

/**
 * A figure's target, rolled up by the same rule as the figure, and how far the figure has come towards it.
 *
 * @param target     null while no unit has stated one
 * @param completion value / target × 100; null without either, or when the target is 0
 */
public record Target(BigDecimal target, BigDecimal completion) {

    static Target of(BigDecimal value, BigDecimal target) {
        return new Target(target, Percentages.of(value, target));
    }
}
