package org.reportplatform.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Direction;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.catalogue.Temporal;
import org.reportplatform.contracts.catalogue.ValueType;

class TallyTest {

    private static final Indicator PERCENT = indicator(AggregationRule.RATIO, "100");
    private static final Indicator LARGEST = indicator(AggregationRule.MAX, "1");

    @Test
    void subtractingWhatWasAddedRestoresTheTallyExactly() {
        Tally a = Tally.ofValue(new BigDecimal("0.1"));
        Tally b = Tally.ofValue(new BigDecimal("0.2"));
        Tally both = Tally.EMPTY.plus(a).plus(b).plus(Tally.WITHHELD);

        assertThat(both.sum()).isEqualTo(new BigDecimal("0.3"));
        assertThat(both.reportingUnits()).isEqualTo(2);
        assertThat(both.withheldUnits()).isEqualTo(1);
        assertThat(both.minus(a).minus(Tally.WITHHELD)).isEqualTo(Tally.EMPTY.plus(b));
        assertThat(both.minus(a).minus(b).minus(Tally.WITHHELD).coversNoUnit()).isTrue();
    }

    @Test
    void maxFallsBackToTheNextLargestWhenTheLargestIsRetracted() {
        Tally seventy = Tally.ofMaxCandidate(new BigDecimal("70"));
        Tally all = Tally.EMPTY.plus(seventy).plus(Tally.ofMaxCandidate(new BigDecimal("66")))
                .plus(Tally.ofMaxCandidate(new BigDecimal("70.0")));

        assertThat(all.valueUnder(LARGEST)).isEqualByComparingTo("70");
        assertThat(all.minus(seventy).valueUnder(LARGEST)).isEqualByComparingTo("70");
        assertThat(all.minus(seventy).minus(seventy).valueUnder(LARGEST)).isEqualByComparingTo("66");
    }

    @Test
    void incompleteUnitsAreCountedApartAndRetractedExactly() {
        Tally a = Tally.ofValue(new BigDecimal("40"));
        Tally both = Tally.EMPTY.plus(a).plus(Tally.INCOMPLETE);

        assertThat(both.incompleteUnits()).isEqualTo(1);
        assertThat(both.reportingUnits()).isEqualTo(1);
        assertThat(both.withheldUnits()).isZero();
        assertThat(both.minus(a).coversNoUnit()).as("an incomplete unit still covers the region").isFalse();
        assertThat(both.minus(a).valueUnder(PERCENT)).isNull();
        assertThat(both.minus(a).minus(Tally.INCOMPLETE).coversNoUnit()).isTrue();
        assertThatThrownBy(() -> a.minus(Tally.INCOMPLETE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retractingWhatWasNeverAddedFailsLoudly() {
        Tally sixty = Tally.ofMaxCandidate(new BigDecimal("60"));

        assertThatThrownBy(() -> sixty.minus(Tally.ofMaxCandidate(new BigDecimal("61"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tally.EMPTY.minus(Tally.WITHHELD)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotientsCarrySixteenSignificantDigitsWithoutTrailingZerosOrExponents() {
        assertThat(Tally.ofQuotient(new BigDecimal("1"), new BigDecimal("3")).valueUnder(PERCENT))
                .isEqualTo(new BigDecimal("33.33333333333333"));
        assertThat(Tally.ofQuotient(new BigDecimal("2.50"), new BigDecimal("1.25")).valueUnder(PERCENT))
                .isEqualTo(new BigDecimal("200"));
        assertThat(Tally.ofQuotient(new BigDecimal("1"), new BigDecimal("8")).valueUnder(PERCENT))
                .isEqualTo(new BigDecimal("12.5"));
    }

    @Test
    void noValueWithoutReportingUnitsOrWithADenominatorOfZero() {
        assertThat(Tally.WITHHELD.valueUnder(PERCENT)).isNull();
        assertThat(Tally.WITHHELD.valueUnder(LARGEST)).isNull();
        assertThat(Tally.ofQuotient(BigDecimal.ONE, BigDecimal.ZERO).valueUnder(PERCENT)).isNull();
    }

    private static Indicator indicator(AggregationRule rule, String factor) {
        return new Indicator(IndicatorCode.of("edu_test_figure"), "", "", "edu", "", ValueType.RATE, rule,
                Optional.empty(), Optional.empty(), new BigDecimal(factor), Temporal.STOCK, List.of(), Direction.NONE);
    }
}
