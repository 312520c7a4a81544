package org.reportplatform.dashboard.support;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.AggregateKey;
import org.reportplatform.contracts.event.EventJson;

/** Publishes to the test aggregates topic the way indicator-service does: key indicator|region|period, EventJson value. */
@ApplicationScoped
public class AggregatePublisher {

    private final String topic;
    private final KafkaProducer<String, String> producer;

    AggregatePublisher(@ConfigProperty(name = "platform.topics.aggregates") String topic,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    public void publish(AggregateEvent event) {
        send(new ProducerRecord<>(topic, event.key().toString(), EventJson.write(event)));
    }

    public void tombstone(AggregateKey key) {
        send(new ProducerRecord<>(topic, key.toString(), null));
    }

    /** A record as written, on a chosen partition, so that a test knows which records follow which; returns its offset. */
    public long sendRaw(int partition, String key, String value) {
        return send(new ProducerRecord<>(topic, partition, key, value));
    }

    /** Waits for the broker's acknowledgement, so that records sent one after another keep their order. */
    private long send(ProducerRecord<String, String> record) {
        try {
            return producer.send(record).get().offset();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
