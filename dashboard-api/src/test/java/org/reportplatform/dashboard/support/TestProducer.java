package org.reportplatform.dashboard.support;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The producer the publishers of the tests share. */
@ApplicationScoped
public class TestProducer {

    private final KafkaProducer<String, String> producer;

    TestProducer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    /** Waits for the broker's acknowledgement, so that records sent one after another keep their order; returns the offset. */
    long send(ProducerRecord<String, String> record) {
        return acknowledged(producer.send(record));
    }

    /**
     * Hands all records to the producer before waiting for any: they reach the log in one request, so the consumer
     * reads them in one poll. The idempotent producer keeps the records of a partition in order.
     */
    void sendTogether(List<ProducerRecord<String, String>> records) {
        List<Future<RecordMetadata>> sending = records.stream().map(producer::send).toList();
        producer.flush();
        sending.forEach(TestProducer::acknowledged);
    }

    private static long acknowledged(Future<RecordMetadata> sending) {
        try {
            return sending.get().offset();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
