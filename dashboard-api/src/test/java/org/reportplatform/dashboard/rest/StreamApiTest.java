package org.reportplatform.dashboard.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.reportplatform.dashboard.support.SameNumber.sameNumber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.access.TestTokens;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.live.LiveChanges;
import org.reportplatform.dashboard.live.LiveConfig;
import org.reportplatform.dashboard.live.StreamPosition;
import org.reportplatform.dashboard.support.AggregatePublisher;
import org.reportplatform.dashboard.support.Events;
import org.reportplatform.dashboard.support.SseClient;
import org.reportplatform.dashboard.support.SseClient.Event;
import org.reportplatform.dashboard.support.TestTopicsResource;

/** The live stream read with a real HTTP client, fed through the real broker and database. */
@QuarkusTest
@WithTestResource(TestTopicsResource.class)
class StreamApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/stream")
    URI stream;

    @Inject
    AggregatePublisher publisher;

    @Inject
    RegionRegistry regions;

    @Inject
    LiveChanges live;

    @Inject
    LiveConfig streams;

    @Test
    void aReconnectingClientGetsExactlyTheChangesItMissedThenLiveOnes() throws Exception {
        URI ganzhou2012 = URI.create(stream + "?region=360700&indicator=edu_school_count&period=2012");
        List<JsonNode> seen = new ArrayList<>();
        String lastId;
        String lastEventId;
        try (SseClient client = SseClient.open(ganzhou2012, Optional.empty())) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(client.header("X-Accel-Buffering")).hasValue("no");

            publisher.publish(Events.county("edu_school_count", "360102", "2012", "99")); // Nanchang: another city
            publisher.publish(Events.county("edu_school_count", "360702", "2012", "10"));
            publisher.publish(Events.county("pre_enrolled_children", "360702", "2012", "500")); // another indicator
            publisher.publish(Events.county("edu_school_count", "360702", "2013", "11")); // another period
            publisher.publish(Events.city("edu_school_count", "360700", "2012", "10", 1, 18));

            Event first = client.next(WAIT);
            Event second = client.next(WAIT);
            seen.add(data(first));
            seen.add(data(second));
            assertAdvances(first.id(), second.id());
            lastEventId = second.id();
            assertThat(seen).extracting(event -> event.get("region").asText()).containsExactlyInAnyOrder("360702", "360700");
            JsonNode city = seen.stream().filter(event -> event.get("region").asText().equals("360700")).findFirst().orElseThrow();
            assertThat(city.get("indicator").asText()).isEqualTo("edu_school_count");
            assertThat(city.get("period").asText()).isEqualTo("2012");
            assertThat(city.get("kind").asText()).isEqualTo("actual");
            assertThat(city.get("basis").asText()).isEqualTo("received");
            assertThat(city.get("removed").asBoolean()).isFalse();
            assertThat(city.get("value").decimalValue()).isEqualByComparingTo("10");
            assertThat(city.get("reportingUnits").asInt()).isEqualTo(1);
            assertThat(city.get("expectedUnits").asInt()).isEqualTo(18);
            assertThat(city.get("updatedAt").asText()).isEqualTo("2021-03-01T08:00:00Z");
            // only the events in scope, nothing from Nanchang, another indicator or period
            assertThat(client.next(Duration.ofSeconds(2))).isNull();
            // the stream's position after the last event it sent
            lastId = lastEventId;
        }

        // while no client is connected
        publisher.publish(Events.county("edu_school_count", "360703", "2012", "5"));
        publisher.publish(Events.city("edu_school_count", "360700", "2012", "15", 2, 18));
        publisher.tombstone(Events.county("edu_school_count", "360702", "2012", "10").key());
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("region", "360700").queryParam("period", "2012")
                .get("/api/v1/aggregates/edu_school_count").then().statusCode(200).body("value", sameNumber("15")));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("region", "360702").queryParam("period", "2012")
                .get("/api/v1/aggregates/edu_school_count").then().statusCode(200).body("reportingUnits", equalTo(0)));

        try (SseClient client = SseClient.open(ganzhou2012, Optional.of(lastId))) {
            List<JsonNode> missed = new ArrayList<>();
            String previous = lastId;
            for (int i = 0; i < 3; i++) {
                Event event = client.next(WAIT);
                missed.add(data(event));
                assertAdvances(previous, event.id());
                previous = event.id();
            }
            assertThat(missed).extracting(event -> event.get("region").asText() + "=" + event.get("value").asText())
                    .containsExactlyInAnyOrder("360703=5", "360700=15", "360702=null");
            assertThat(missed).filteredOn(event -> event.get("region").asText().equals("360702"))
                    .allSatisfy(deleted -> assertThat(deleted.get("removed").asBoolean()).isTrue());
            assertThat(client.next(Duration.ofSeconds(2))).as("nothing missed twice").isNull();

            // and then live again
            publisher.publish(Events.county("edu_school_count", "360722", "2012", "7"));
            JsonNode live = data(client.next(WAIT));
            assertThat(live.get("region").asText()).isEqualTo("360722");
        }
    }

    @Test
    void aLongAbsenceIsReplayedInFullAndInOrder() throws Exception {
        URI resident = URI.create(stream + "?region=360700&indicator=pop_resident");
        String lastId;
        try (SseClient client = SseClient.open(resident, Optional.empty())) {
            publisher.publish(Events.county("pop_resident", "360702", "1949", "1"));
            lastId = client.next(WAIT).id();
        }
        // 61 years × 18 units: more figures than one read of them (ResumableStream.PAGE, 500), in batches as a bulk
        // load brings them; the last year one in which today's units are all in use, so its children show them
        List<String> units = regions.children(RegionCode.of("360700")).stream().map(unit -> unit.code().value()).toList();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int year = 1964; year <= 2024; year++) {
            for (String unit : units) {
                records.add(publisher.record(Events.county("pop_resident", unit, String.valueOf(year), "1000")));
            }
        }
        publisher.sendTogether(records);
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("region", "360700").queryParam("period", "2024")
                .get("/api/v1/aggregates/pop_resident/children").then().body("children[17].value", sameNumber("1000")));

        try (SseClient client = SseClient.open(resident, Optional.of(lastId))) {
            String previous = lastId;
            for (int i = 0; i < records.size(); i++) {
                Event event = client.next(WAIT);
                assertThat(event).as("replayed event %d of %d", i + 1, records.size()).isNotNull();
                assertAdvances(previous, event.id());
                previous = event.id();
            }
            assertThat(client.next(Duration.ofSeconds(1))).isNull();
        }
    }

    @Test
    void aProvinceStreamCarriesEveryRegionWithinAndHeartbeats() throws Exception {
        try (SseClient client = SseClient.open(URI.create(stream + "?region=360000&period=2010"), Optional.empty())) {
            publisher.publish(Events.county("sci_hnte_count", "360102", "2010", "1.5"));
            JsonNode change = data(client.next(WAIT));
            assertThat(change.get("region").asText()).isEqualTo("360102");
            assertThat(change.get("indicator").asText()).isEqualTo("sci_hnte_count");
            // the test profile beats every second
            assertThat(client.nextComment(Duration.ofSeconds(5))).isEqualTo("heartbeat");
        }
    }

    @Test
    void aClientWhoseIdIsNoPositionOfThisStreamIsToldToReloadThenGetsLiveChanges() throws Exception {
        StreamPosition now = live.now();
        StreamPosition ahead = StreamPosition.of(IntStream.range(0, now.partitions()).mapToLong(p -> now.nextOffset(p) + 1_000_000).toArray());
        // an id from before positions, one of another topic's partitions, one this topic never reached, garbage
        for (String id : List.of("999999999999", "0=0", ahead.toString(), "abc")) {
            try (SseClient client = SseClient.open(URI.create(stream + "?region=360000&indicator=sci_hnte_new_count"), Optional.of(id))) {
                Event reset = client.next(WAIT);
                assertThat(reset).as("the answer to id %s", id).isNotNull();
                assertThat(reset.name()).isEqualTo("reset");
                assertThat(StreamPosition.parse(reset.id())).as("the position to resume from").isPresent();

                publisher.publish(Events.county("sci_hnte_new_count", "360102", "2015", id.length() + ""));
                assertThat(data(client.next(WAIT)).get("region").asText()).isEqualTo("360102");
            }
        }
    }

    @Test
    void streamsBeyondTheCapPerTokenAreRefusedWithRetryAfter() throws Exception {
        String token = TestTokens.issuer().issue("stream cap test@360000", "360000", TestTokens.PROVINCE_WIDE, Duration.ofHours(1));
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < streams.maxStreamsPerToken(); i++) {
                open.add(SseClient.open(URI.create(stream + "?region=360000"), Optional.empty(), token));
                assertThat(open.get(i).status()).isEqualTo(200);
            }
            given().header("Authorization", "Bearer " + token).queryParam("region", "360000").get("/api/v1/stream").then().statusCode(429)
                    .contentType("application/problem+json").header("Retry-After", String.valueOf(streams.retryAfter().toSeconds()))
                    .body("status", equalTo(429));
        } finally {
            open.forEach(SseClient::close);
        }
        // a stream closed is a stream less
        await().atMost(WAIT).untilAsserted(() -> {
            try (SseClient again = SseClient.open(URI.create(stream + "?region=360000"), Optional.empty(), token)) {
                assertThat(again.status()).isEqualTo(200);
            }
        });
    }

    @Test
    void badParametersAreProblems() {
        given().get("/api/v1/stream").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("region"));
        given().queryParam("region", "999999").get("/api/v1/stream").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("region", "360000").queryParam("indicator", "no_such_indicator").get("/api/v1/stream")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("region", "360000").queryParam("period", "20X0").get("/api/v1/stream").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
    }

    private static JsonNode data(Event event) throws Exception {
        assertThat(event).as("an event within the timeout").isNotNull();
        assertThat(event.name()).isEqualTo("aggregate");
        assertThat(StreamPosition.parse(event.id())).as("an id that is a position").isPresent();
        return JSON.readTree(event.data());
    }

    /** Each event moves the stream's position on, never back. */
    private static void assertAdvances(String previous, String next) {
        StreamPosition before = StreamPosition.parse(previous).orElseThrow();
        StreamPosition after = StreamPosition.parse(next).orElseThrow();
        assertThat(before.isAheadOf(after)).as("%s after %s", next, previous).isFalse();
        assertThat(after).as("%s after %s", next, previous).isNotEqualTo(before);
    }
}
