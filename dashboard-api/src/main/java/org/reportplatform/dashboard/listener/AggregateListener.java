package org.reportplatform.dashboard.listener;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.AggregateKey;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.domain.Aggregate;
import org.reportplatform.dashboard.service.AggregateStore;

/**
 * Projects the compacted aggregates topic into the read model: a value replaces the figure of its key, a tombstone
 * (null value) deletes it.
 *
 * <p>The record is acknowledged when this method returns, so its offset is committed only after the database write
 * (at least once; writes are idempotent). Blocking and ordered: one record at a time off the event loop, so the
 * records of a key are applied in topic order. A record that can never be read is logged and skipped; a database
 * failure is not caught, it fails the channel (health turns DOWN) rather than losing the record.
 */
@ApplicationScoped
public class AggregateListener {

    private static final Logger LOG = Logger.getLogger(AggregateListener.class);

    private final AggregateStore store;
    private final RegionRegistry regions;

    AggregateListener(AggregateStore store, RegionRegistry regions) {
        this.store = store;
        this.regions = regions;
    }

    @Incoming("aggregates")
    @Blocking
    public void onRecord(ConsumerRecord<String, String> record) {
        Optional<AggregateKey> key = decode(record, () -> AggregateKey.parse(keyOf(record)));
        if (key.isEmpty()) {
            return;
        }
        if (record.value() == null) {
            store.delete(key.get());
        } else {
            decode(record, () -> rowOf(key.get(), record.value())).ifPresent(store::save);
        }
    }

    /** A compacted topic refuses keyless records; this guards against a topic created without compaction. */
    private static String keyOf(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("the record has no key");
        }
        return record.key();
    }

    /** Checked here, so that a well-formed but unusable event is skipped instead of failing the write and the channel. */
    private Aggregate rowOf(AggregateKey key, String json) {
        AggregateEvent event = EventJson.read(json, AggregateEvent.class);
        if (event == null) {
            throw new IllegalArgumentException("the value is JSON null, not a tombstone");
        }
        if (!key.equals(event.key())) {
            throw new IllegalArgumentException("key " + key + " carries the event of " + event.key());
        }
        if (event.updatedAt() == null) {
            throw new IllegalArgumentException("the event has no updatedAt");
        }
        // without the registry's parent the figure could never be listed among its siblings
        Region region = regions.find(event.region())
                .orElseThrow(() -> new IllegalArgumentException("region " + event.region() + " is not in the region registry"));
        return Aggregate.of(event, region);
    }

    /** Reading a record again would fail the same way, so an unreadable one is skipped instead of stopping the channel. */
    private static <T> Optional<T> decode(ConsumerRecord<?, ?> record, Supplier<T> decoding) {
        try {
            return Optional.of(decoding.get());
        } catch (IllegalArgumentException unreadable) {
            LOG.warnf("Skipping unreadable record %s-%d@%d (key %s): %s", record.topic(), record.partition(),
                    record.offset(), record.key(), unreadable.getMessage());
            return Optional.empty();
        }
    }
}
