package org.reportplatform.dashboard.listener;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.reportplatform.dashboard.live.LiveChanges;
import org.reportplatform.dashboard.service.AggregateStore;

/**
 * Starts each assigned partition of the aggregates topic at the position the read model stored with its figures
 * (docs/adr/0019), not at Kafka's committed offset: a batch written but not yet committed to Kafka when the service
 * stopped is not applied again, and one committed to Kafka but not written is not lost. A partition without a stored
 * position (a read model from before positions were stored) starts where Kafka's committed offset says.
 */
@ApplicationScoped
@Identifier("aggregate-positions")
public class PartitionPositions implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(PartitionPositions.class);

    private final AggregateStore store;
    private final LiveChanges live;
    private final DatabaseOutages outages;

    PartitionPositions(AggregateStore store, LiveChanges live, DatabaseOutages outages) {
        this.store = store;
        this.live = live;
        this.outages = outages;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        String topic = partitions.iterator().next().topic();
        outages.writeOnceAvailable("the positions of " + partitions, () -> {
            Map<Integer, Long> stored = store.positions(topic);
            int partitionCount = consumer.partitionsFor(topic).size();
            for (TopicPartition partition : partitions) {
                Long next = stored.get(partition.partition());
                if (next != null) {
                    consumer.seek(partition, next);
                }
                long start = next != null ? next : consumer.position(partition);
                LOG.debugf("Applying %s from offset %d (%s)", partition, start, next != null ? "stored" : "Kafka's");
                live.assigned(partition.partition(), start, partitionCount);
            }
        });
    }
}
