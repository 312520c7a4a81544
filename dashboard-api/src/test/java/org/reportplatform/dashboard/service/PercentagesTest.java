package org.reportplatform.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PercentagesTest {

    @Test
    void sixteenSignificantDigits() {
        assertThat(Percentages.of(1, 3)).hasToString("33.33333333333333");
        assertThat(Percentages.of(2, 3)).hasToString("66.66666666666667");
        assertThat(Percentages.of(6, 103)).hasToString("5.825242718446602");
    }

    @Test
    void trailingZerosAreStrippedButWholeNumbersStayPlain() {
        assertThat(Percentages.of(new BigDecimal("12.50"), new BigDecimal("100.00"))).hasToString("12.5");
        assertThat(Percentages.of(5, 5)).hasToString("100");
        assertThat(Percentages.of(30, 3)).hasToString("1000");
        assertThat(Percentages.of(0, 7)).hasToString("0");
    }

    @Test
    void negativePartsGiveNegativePercentages() {
        assertThat(Percentages.of(new BigDecimal("-30"), new BigDecimal("200"))).hasToString("-15");
    }

    @Test
    void nothingToDivideIsNoPercentage() {
        assertThat(Percentages.of(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
        assertThat(Percentages.of(BigDecimal.ONE, new BigDecimal("0.00"))).isNull();
        assertThat(Percentages.of(null, BigDecimal.TEN)).isNull();
        assertThat(Percentages.of(BigDecimal.TEN, null)).isNull();
        assertThat(Percentages.of(0, 0)).isNull();
    }
}
