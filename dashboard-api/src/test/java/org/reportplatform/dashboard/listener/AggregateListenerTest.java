package org.reportplatform.dashboard.listener;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.reportplatform.dashboard.support.SameNumber.sameNumber;

import io.quarkus.test.common.WithTestResource;
import io.smallrye.common.annotation.Identifier;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.dashboard.service.AggregateStore;
import org.reportplatform.dashboard.support.AggregatePublisher;
import org.reportplatform.dashboard.support.Events;
import org.reportplatform.dashboard.support.LogCapture;
import org.reportplatform.dashboard.support.TestTopicsResource;

/**
 * Batches of the aggregates topic through the real broker and database: records sent together reach the listener in
 * one poll. Indicator edu_student_count, period 2024, partition 0: no other test uses them.
 */
@QuarkusTest
@WithTestResource(TestTopicsResource.class)
class AggregateListenerTest {

    // the first request after start verifies the first token, which takes long on a loaded machine
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int PARTITION = 0;

    @ConfigProperty(name = "platform.topics.aggregates")
    String topic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AggregatePublisher publisher;

    @Inject
    AggregateListener listener;

    @Inject
    @Identifier("aggregate-positions")
    PartitionPositions positions;

    @Inject
    AggregateStore store;

    @Test
    void aBatchKeepsTheLastChangeOfEachKeyAndSkipsWhatItCannotRead() {
        publisher.sendTogether(List.of(figure("360702", "1"), figure("360703", "1"), figure("360704", "1")));
        await().atMost(WAIT).untilAsserted(() -> figure("360704").body("value", sameNumber("1")));

        try (LogCapture log = LogCapture.of(AggregateListener.class)) {
            publisher.sendTogether(List.of(
                    figure("360702", "100"), figure("360702", "200"), figure("360702", "300"),
                    figure("360703", "5"), tombstone("360703"),
                    tombstone("360704"), figure("360704", "7"),
                    tombstone("360722"), figure("360722", "8"), tombstone("360722"),
                    figure("360723", "9"), record("edu_student_count|360723|2024|actual|received", "{not json")));

            await().atMost(WAIT).untilAsserted(() -> assertThat(log.messages()).singleElement().asString()
                    .startsWith("Skipping unreadable record " + topic + "-" + PARTITION + "@")
                    .contains("(key edu_student_count|360723|2024|actual|received)"));
        }

        figure("360702").body("value", sameNumber("300"));
        figure("360703").body("value", nullValue()).body("updatedAt", nullValue());
        figure("360704").body("value", sameNumber("7"));
        figure("360722").body("value", nullValue()).body("updatedAt", nullValue());
        // the unreadable record leaves the key as the readable one before it set it
        figure("360723").body("value", sameNumber("9"));
    }

    @Test
    void aBatchOfNothingReadableChangesNothing() {
        publisher.sendTogether(List.of(figure("360724", "3")));
        await().atMost(WAIT).untilAsserted(() -> figure("360724").body("value", sameNumber("3")));

        try (LogCapture log = LogCapture.of(AggregateListener.class)) {
            // a compacted topic takes no record without a key
            publisher.sendTogether(List.of(record("not-a-key", "{}"), record("edu_student_count|360724|2024|actual|received", "null")));
            await().atMost(WAIT).untilAsserted(() -> assertThat(log.messages()).hasSize(2));
        }

        figure("360724").body("value", sameNumber("3"));
    }

    @Test
    void aBatchDeliveredAgainIsNotAppliedAgain() {
        String key = "edu_student_count|360725|2024|actual|received";
        long offset = publisher.sendRaw(PARTITION, key, value("360725", "4"));
        await().atMost(WAIT).untilAsserted(() -> figure("360725").body("value", sameNumber("4")));
        long stored = store.positions(topic).get(PARTITION);

        // the same offset again, as after a crash between the write and Kafka's commit, but with other contents:
        // were it applied, the figure would show them
        listener.onBatch(new ConsumerRecords<>(Map.of(new TopicPartition(topic, PARTITION), List.of(
                new ConsumerRecord<>(topic, PARTITION, offset, key, value("360725", "40")))), Map.of()));
        listener.onBatch(new ConsumerRecords<>(Map.of(new TopicPartition(topic, PARTITION), List.of(
                new ConsumerRecord<String, String>(topic, PARTITION, offset, key, null))), Map.of()));

        figure("360725").body("value", sameNumber("4"));
        assertThat(store.positions(topic).get(PARTITION)).as("the position never goes back").isGreaterThanOrEqualTo(stored);
    }

    @Test
    void anAssignedPartitionStartsAtTheStoredPositionNotKafkasCommittedOffset() {
        publisher.sendRaw(PARTITION, "edu_student_count|360726|2024|actual|received", value("360726", "6"));
        await().atMost(WAIT).untilAsserted(() -> figure("360726").body("value", sameNumber("6")));
        TopicPartition partition = new TopicPartition(topic, PARTITION);

        // a consumer of a group that never committed: Kafka alone would start it at the beginning of the partition
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dashboard-api-test-positions",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            positions.onPartitionsAssigned(consumer, List.of(partition));
            long stored = store.positions(topic).get(PARTITION);
            assertThat(stored).isPositive();
            assertThat(consumer.position(partition)).isEqualTo(stored);
        }
    }

    private ProducerRecord<String, String> figure(String region, String value) {
        return record("edu_student_count|" + region + "|2024|actual|received", value(region, value));
    }

    private static String value(String region, String value) {
        return EventJson.write(Events.county("edu_student_count", region, "2024", value));
    }

    private ProducerRecord<String, String> tombstone(String region) {
        return record("edu_student_count|" + region + "|2024|actual|received", null);
    }

    private ProducerRecord<String, String> record(String key, String value) {
        return new ProducerRecord<>(topic, PARTITION, key, value);
    }

    private static ValidatableResponse figure(String region) {
        return given()
                .queryParam("region", region).queryParam("period", "2024")
                .when().get("/api/v1/aggregates/edu_student_count")
                .then().statusCode(200).body("region", equalTo(region));
    }
}
