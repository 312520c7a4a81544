package org.reportplatform.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The services connect to the Kafka listener and the databases the operators create from the same manifests. */
@SuppressWarnings("unchecked")
class ConnectionTest {

    @Test
    void aListenerChangedWithoutItsClientsIsCaught() {
        Overlay broken = Platform.overlay("prod").with(documents -> {
            Map<String, Object> kafka = (Map<String, Object>) ManifestModelTest.spec(documents, "Kafka", "platform-kafka").get("kafka");
            ((List<Map<String, Object>>) kafka.get("listeners")).get(0).put("tls", false);
        });

        assertThat(ConnectionChecks.kafka(broken, Platform.SERVICES)).containsExactlyInAnyOrder(
                "report-intake: KAFKA_SECURITY_PROTOCOL is SASL_SSL, the server expects SASL_PLAINTEXT",
                "dashboard-api: KAFKA_SECURITY_PROTOCOL is SASL_SSL, the server expects SASL_PLAINTEXT",
                "indicator-service: QUARKUS_KAFKA_STREAMS_SECURITY_PROTOCOL is SASL_SSL, the server expects SASL_PLAINTEXT");
    }

    @Test
    void aWrongBootstrapAddressOrAMissingCaIsCaught() {
        Overlay broken = Platform.overlay("dev").with(documents -> {
            ((Map<String, Object>) Overlay.document(documents, "ConfigMap", "platform-kafka-client").get("data"))
                    .put("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/ca.crt");
            Map<String, Object> container = Resources.containers(Overlay.document(documents, "StatefulSet", "indicator-service")).get(0);
            ((List<Map<String, Object>>) container.get("env")).add(0, Map.of("name", "KAFKA_BOOTSTRAP_SERVERS",
                    "value", "platform-kafka-kafka-bootstrap:9092"));
        });

        assertThat(ConnectionChecks.kafka(broken, Platform.SERVICES)).containsExactlyInAnyOrder(
                "report-intake: KAFKA_SSL_TRUSTSTORE_LOCATION /etc/kafka/ca.crt is not the ca.crt of Secret platform-kafka-cluster-ca-cert mounted in the container",
                "dashboard-api: KAFKA_SSL_TRUSTSTORE_LOCATION /etc/kafka/ca.crt is not the ca.crt of Secret platform-kafka-cluster-ca-cert mounted in the container",
                "indicator-service: bootstrap platform-kafka-kafka-bootstrap:9092 is no listener of a Kafka cluster");
    }

    @Test
    void aServicePointedAtAnotherDatabaseOrRoleIsCaught() {
        Overlay broken = Platform.overlay("prod").with(documents -> {
            Map<String, Object> data = (Map<String, Object>) Overlay.document(documents, "ConfigMap", "dashboard-api-config").get("data");
            data.put("DB_NAME", "report_intake");
            ((Map<String, Object>) Overlay.document(documents, "ConfigMap", "report-intake-config").get("data"))
                    .put("DB_HOST", "platform-db-ro");
        });

        assertThat(ConnectionChecks.database(broken, Platform.SERVICES)).containsExactlyInAnyOrder(
                "report-intake: DB_HOST platform-db-ro is no CloudNativePG cluster's read-write Service",
                "dashboard-api: DB_USER is secret:dashboard-api-db/username, the server expects secret:report-intake-db/username",
                "dashboard-api: DB_PASSWORD is secret:dashboard-api-db/password, the server expects secret:report-intake-db/password");
    }
}
