package org.reportplatform.indicators.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.reportplatform.indicators.domain.Tally;

class JsonSerdesTest {

    private final Serde<Tally> serde = JsonSerdes.of(Tally.class);

    @Test
    void tallyRoundTripsWithEveryDigitAndScale() {
        Tally tally = new Tally(new BigDecimal("12345678901234567890.123456789"), new BigDecimal("0.10"),
                new BigDecimal("1E+3"), List.of(new BigDecimal("7.0"), new BigDecimal("70")), 3, 1, 2);

        byte[] json = serde.serializer().serialize("any", tally);

        assertThat(serde.deserializer().deserialize("any", json)).isEqualTo(tally);
    }

    @Test
    void aTallyStoredBeforeIncompleteUnitsWereCountedReadsWithNone() {
        String stored = "{\"sum\":40,\"numerator\":0,\"denominator\":0,\"maxCandidates\":[],"
                + "\"reportingUnits\":2,\"withheldUnits\":1}";

        Tally tally = serde.deserializer().deserialize("any", stored.getBytes(StandardCharsets.UTF_8));

        assertThat(tally).isEqualTo(new Tally(new BigDecimal("40"), BigDecimal.ZERO, BigDecimal.ZERO, List.of(), 2, 1, 0));
    }

    @Test
    void tombstonesPassThrough() {
        assertThat(serde.serializer().serialize("any", null)).isNull();
        assertThat(serde.deserializer().deserialize("any", null)).isNull();
    }
}
