package org.reportplatform.indicators;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service boots with its real wiring (configuration, reference data, topology) and serves its operational
 * endpoints. No broker is involved: the bootstrap address is a closed port, so the stream is expected to be down.
 */
@QuarkusTest
@TestProfile(ServiceEndpointsTest.WithoutBroker.class)
class ServiceEndpointsTest {

    public static class WithoutBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:1",
                    "quarkus.kafka-streams.topics-timeout", "1S",
                    // the clients retry the closed port all along: their warnings say nothing in this test
                    "quarkus.log.category.\"org.apache.kafka.clients.NetworkClient\".level", "ERROR");
        }
    }

    @Test
    void readinessWaitsForTheTopicsNamedInTheSharedConfiguration() {
        given().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'Kafka Streams topics health check' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Kafka Streams topics health check' }.data.missing_topics",
                        equalTo("report-submissions,indicator-aggregates,report-submissions-dlq"));
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("Indicator service"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void kafkaStreamsMetricsAreExported() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("kafka_stream_"));
    }
}
