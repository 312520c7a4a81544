package org.reportplatform.dashboard.listener;

import static org.reportplatform.dashboard.listener.UnreadableRecords.keyOf;
import static org.reportplatform.dashboard.listener.UnreadableRecords.skipIfUnreadable;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.AggregateKey;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.domain.Aggregate;
import org.reportplatform.dashboard.domain.AggregateId;
import org.reportplatform.dashboard.live.LiveChanges;
import org.reportplatform.dashboard.service.AggregateChanges;
import org.reportplatform.dashboard.service.AggregateStore;
import org.reportplatform.dashboard.service.ChangePosition;
import org.reportplatform.dashboard.service.FiguresCommitted;

/**
 * Projects the compacted aggregates topic into the read model: a value replaces the figure of its key, a tombstone
 * (null value) deletes it.
 *
 * <p>The channel delivers what one poll returned, and the whole batch is written in one transaction with the position
 * of each of its partitions (docs/adr/0019): the read model applies each record exactly once whatever Kafka's committed
 * offsets say, and {@link PartitionPositions} seeks to the stored positions when partitions are assigned. Several
 * copies of the channel (its {@code concurrency}) each own some partitions, so partitions are applied in parallel;
 * each copy is blocking and ordered, one batch at a time off the event loop. A record that can never be read is
 * logged and skipped; while the database cannot be reached the batch is held and written once it is back; any other
 * database failure fails the channel (health turns DOWN) rather than losing the batch.
 */
@ApplicationScoped
public class AggregateListener {

    private static final Logger LOG = Logger.getLogger(AggregateListener.class);

    private final AggregateStore store;
    private final RegionRegistry regions;
    private final LiveChanges live;
    private final DatabaseOutages outages;
    private final Event<FiguresCommitted> committed;

    AggregateListener(AggregateStore store, RegionRegistry regions, LiveChanges live, DatabaseOutages outages,
                      Event<FiguresCommitted> committed) {
        this.store = store;
        this.regions = regions;
        this.live = live;
        this.outages = outages;
        this.committed = committed;
    }

    @Incoming("aggregates")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        // a key's records share a partition and come in topic order, so the last readable one is the key's state
        AggregateChanges changes = new AggregateChanges();
        for (ConsumerRecord<String, String> record : records) {
            changes.reached(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            ChangePosition at = new ChangePosition(record.partition(), record.offset());
            Optional<AggregateKey> key = skipIfUnreadable(LOG, record, () -> AggregateKey.parse(keyOf(record)));
            if (key.isEmpty()) {
                continue;
            }
            if (record.value() == null) {
                changes.delete(AggregateId.of(key.get()), at);
            } else {
                skipIfUnreadable(LOG, record, () -> rowOf(key.get(), record.value())).ifPresent(row -> changes.put(row, at));
            }
        }
        outages.writeOnceAvailable("a batch of " + records.count() + " aggregate records", () -> {
            AggregateChanges applied = store.apply(changes);
            // committed: open streams and copies in memory may now see what the batch changed
            live.announce(applied);
            committed.fire(new FiguresCommitted(applied));
        });
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
}
