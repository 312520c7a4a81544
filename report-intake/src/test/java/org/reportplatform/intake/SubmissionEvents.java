package org.reportplatform.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.event.SubmissionEvent;

/**
 * Reads the test topic with a plain Kafka consumer, as a downstream service would. The topic outlives test runs,
 * so events are looked up by submission id rather than by position.
 */
final class SubmissionEvents implements AutoCloseable {

    /** A record as it arrived: its key and its parsed value. */
    record Received(String key, SubmissionEvent event) {
    }

    private final KafkaConsumer<String, String> consumer;
    /** Every event of each submission, in the order they arrived: stored, then each step of its review. */
    private final Map<UUID, List<Received>> received = new ConcurrentHashMap<>();
    /** Every event, in the order they arrived: one partition per test topic, so the order of publication. */
    private final List<Received> arrived = new CopyOnWriteArrayList<>();

    private SubmissionEvents(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    static SubmissionEvents subscribe() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String topic = ConfigProvider.getConfig().getValue("platform.topics.submissions", String.class);
        ensureTopic(bootstrap, topic);
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "report-intake-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(topic));
        return new SubmissionEvents(consumer);
    }

    /** The platform's broker may not create topics on first use. */
    private static void ensureTopic(String bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topic, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the event of one submission; fails after 30 s. */
    Received await(UUID submissionId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return received.containsKey(submissionId);
        });
        return received.get(submissionId).get(0);
    }

    /** Waits for the event of one submission at a step of its review; fails after 30 s. */
    Received await(UUID submissionId, ReviewStatus status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return received.getOrDefault(submissionId, List.of()).stream().anyMatch(r -> r.event().reviewStatus() == status);
        });
        return received.get(submissionId).stream().filter(r -> r.event().reviewStatus() == status).findFirst().orElseThrow();
    }

    /** The events of every submission listed, in the order they arrived, once the last one listed has arrived. */
    List<Received> inArrivalOrder(List<UUID> submissionIds) {
        await(submissionIds.get(submissionIds.size() - 1));
        return arrived.stream().filter(r -> submissionIds.contains(r.event().submissionId())).toList();
    }

    /** Whether the event of a submission has arrived by now. */
    boolean hasReceived(UUID submissionId) {
        poll();
        return received.containsKey(submissionId);
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            SubmissionEvent event;
            try {
                event = EventJson.read(record.value(), SubmissionEvent.class);
            } catch (IllegalArgumentException notOurs) {
                continue; // the topic outlives test runs: only this run's submissions are looked up
            }
            Received one = new Received(record.key(), event);
            received.computeIfAbsent(event.submissionId(), id -> new CopyOnWriteArrayList<>()).add(one);
            arrived.add(one);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
