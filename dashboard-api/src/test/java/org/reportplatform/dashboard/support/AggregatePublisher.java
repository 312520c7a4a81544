package org.reportplatform.dashboard.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.AggregateKey;
import org.reportplatform.contracts.event.EventJson;

/** Publishes to the test aggregates topic the way indicator-service does: key indicator|region|period, EventJson value. */
@ApplicationScoped
public class AggregatePublisher {

    private final String topic;
    private final TestProducer producer;

    AggregatePublisher(@ConfigProperty(name = "platform.topics.aggregates") String topic, TestProducer producer) {
        this.topic = topic;
        this.producer = producer;
    }

    public void publish(AggregateEvent event) {
        producer.send(record(event));
    }

    public void tombstone(AggregateKey key) {
        producer.send(tombstoneOf(key));
    }

    /** A record as written, on a chosen partition, so that a test knows which records follow which; returns its offset. */
    public long sendRaw(int partition, String key, String value) {
        return producer.send(new ProducerRecord<>(topic, partition, key, value));
    }

    /** Records that the consumer reads in one poll; see {@link TestProducer#sendTogether}. */
    public void sendTogether(List<ProducerRecord<String, String>> records) {
        producer.sendTogether(records);
    }

    public ProducerRecord<String, String> record(AggregateEvent event) {
        return new ProducerRecord<>(topic, event.key().toString(), EventJson.write(event));
    }

    public ProducerRecord<String, String> tombstoneOf(AggregateKey key) {
        return new ProducerRecord<>(topic, key.toString(), null);
    }
}
