package org.reportplatform.dashboard.support;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.SubmissionEvent;

/** Publishes to the test submissions topic the way report-intake's relay does: key region, EventJson value. */
@ApplicationScoped
public class SubmissionPublisher {

    private final String topic;
    private final TestProducer producer;

    SubmissionPublisher(@ConfigProperty(name = "platform.topics.submissions") String topic, TestProducer producer) {
        this.topic = topic;
        this.producer = producer;
    }

    public void publish(SubmissionEvent submission) {
        producer.send(new ProducerRecord<>(topic, submission.topicKey(), EventJson.write(submission)));
    }

    /** A record as written; the topic has one partition, so it lands after everything sent before. Returns its offset. */
    public long sendRaw(String key, String value) {
        return producer.send(new ProducerRecord<>(topic, key, value));
    }
}
