package org.reportplatform.indicators.streams;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.reportplatform.contracts.event.EventJson;

/**
 * Serdes on {@link EventJson}, the platform's one JSON form, for the events on the wire (the state this service keeps
 * is binary: {@link StateSerdes}). Numbers stay {@link java.math.BigDecimal} both ways, so nothing is rounded.
 */
final class JsonSerdes {

    private JsonSerdes() {
    }

    /** A serde that passes null (a tombstone) through as null. */
    static <T> Serde<T> of(Class<T> type) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : EventJson.write(value).getBytes(StandardCharsets.UTF_8),
                (topic, bytes) -> bytes == null ? null : EventJson.read(new String(bytes, StandardCharsets.UTF_8), type));
    }
}
