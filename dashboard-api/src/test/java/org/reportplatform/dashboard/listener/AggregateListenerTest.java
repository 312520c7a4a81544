package org.reportplatform.dashboard.listener;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.reportplatform.dashboard.support.SameNumber.sameNumber;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.dashboard.support.Events;
import org.reportplatform.dashboard.support.LogCapture;
import org.reportplatform.dashboard.support.TestTopicsResource;

/**
 * Batches handed to the listener as a poll would return them, so that it is certain which records share a batch;
 * the rows land in the real database. Indicator edu_student_count, period 2024: no other test uses it.
 */
@QuarkusTest
@WithTestResource(TestTopicsResource.class)
class AggregateListenerTest {

    private static final TopicPartition PARTITION = new TopicPartition("test-dashboard-indicator-aggregates", 0);

    @Inject
    AggregateListener listener;

    private long nextOffset;

    @Test
    void aBatchKeepsTheLastChangeOfEachKeyAndSkipsWhatItCannotRead() {
        listener.onBatch(batch(
                figure("360702", "1"),
                figure("360703", "1"),
                figure("360704", "1")));

        try (LogCapture log = LogCapture.of(AggregateListener.class)) {
            listener.onBatch(batch(
                    figure("360702", "100"), figure("360702", "200"), figure("360702", "300"),
                    figure("360703", "5"), tombstone("360703"),
                    tombstone("360704"), figure("360704", "7"),
                    tombstone("360722"), figure("360722", "8"), tombstone("360722"),
                    figure("360723", "9"), record("edu_student_count|360723|2024", "{not json")));

            assertThat(log.messages()).singleElement().asString()
                    .startsWith("Skipping unreadable record test-dashboard-indicator-aggregates-0@")
                    .contains("(key edu_student_count|360723|2024)");
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
        listener.onBatch(batch(figure("360724", "3")));

        try (LogCapture log = LogCapture.of(AggregateListener.class)) {
            listener.onBatch(batch(record("not-a-key", "{}"), record(null, "{}")));
            assertThat(log.messages()).hasSize(2);
        }

        figure("360724").body("value", sameNumber("3"));
    }

    @SafeVarargs
    private static ConsumerRecords<String, String> batch(ConsumerRecord<String, String>... records) {
        return new ConsumerRecords<>(Map.of(PARTITION, List.of(records)), Map.of());
    }

    private ConsumerRecord<String, String> figure(String region, String value) {
        return record("edu_student_count|" + region + "|2024|actual|received",
                EventJson.write(Events.county("edu_student_count", region, "2024", value)));
    }

    private ConsumerRecord<String, String> tombstone(String region) {
        return record("edu_student_count|" + region + "|2024|actual|received", null);
    }

    private ConsumerRecord<String, String> record(String key, String value) {
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), nextOffset++, key, value);
    }

    private static ValidatableResponse figure(String region) {
        return given()
                .queryParam("region", region).queryParam("period", "2024")
                .when().get("/api/v1/aggregates/edu_student_count")
                .then().statusCode(200).body("region", equalTo(region));
    }
}
