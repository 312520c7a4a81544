package org.reportplatform.indicators.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.CountedSubmission;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionLevel;

class JsonSerdesTest {

    private final Serde<AggregateEvent> serde = JsonSerdes.of(AggregateEvent.class);

    @Test
    void anAggregateRoundTripsWithEveryDigitAndItsSources() {
        AggregateEvent event = new AggregateEvent(IndicatorCode.of("edu_schools"), RegionCode.of("360781"),
                RegionLevel.COUNTY, PeriodCode.of("2024"), new BigDecimal("12345678901234567890.10"), null, null, 1, 0, 1,
                Instant.parse("2024-03-01T08:00:00Z"), ValueKind.ACTUAL, Basis.RECEIVED, 0,
                List.of(new CountedSubmission(UUID.randomUUID(), DatasetCode.of("edu_annual"), PeriodCode.of("2024"), 3)));

        byte[] json = serde.serializer().serialize("any", event);

        assertThat(serde.deserializer().deserialize("any", json)).isEqualTo(event);
    }

    @Test
    void tombstonesPassThrough() {
        assertThat(serde.serializer().serialize("any", null)).isNull();
        assertThat(serde.deserializer().deserialize("any", null)).isNull();
    }
}
