package org.reportplatform.deploy;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Selectors, ports, probes, ConfigMaps, Secrets and environment variables meet each other and the services. */
@SuppressWarnings("unchecked")
class WiringTest {

    @Test
    void aServiceMonitorOnAMissingPortOrPathIsCaught() {
        Overlay broken = Platform.overlay("prod").with(documents -> {
            Map<String, Object> endpoint = ((List<Map<String, Object>>) ManifestModelTest.spec(documents, "ServiceMonitor",
                    "indicator-service").get("endpoints")).get(0);
            endpoint.put("port", "metrics");
            endpoint.put("path", "/metrics");
        });

        assertThat(WiringChecks.monitors(broken)).containsExactlyInAnyOrder(
                "ServiceMonitor indicator-service: scrapes /metrics, Quarkus serves metrics on /q/metrics",
                "ServiceMonitor indicator-service: Service indicator-service has no port metrics");
    }

    @Test
    void aSelectorThatMissesThePodsIsCaught() {
        Overlay broken = Platform.overlay("dev").with(documents -> ManifestModelTest.spec(documents, "Service", "dashboard-api")
                .put("selector", Map.of("app.kubernetes.io/name", "dashboard")));

        assertThat(WiringChecks.serviceSelectors(broken)).contains(
                "Service dashboard-api: selector {app.kubernetes.io/name=dashboard} selects no workload's pods",
                "Deployment dashboard-api: no Service selects its pods");
    }

    @Test
    void aProbeOnAWrongPathOrAContainerPortOtherThanTheServicePortIsCaught() {
        Overlay broken = Platform.overlay("dev").with(documents -> {
            Map<String, Object> container = Resources.containers(Overlay.document(documents, "StatefulSet", "indicator-service")).get(0);
            probeGet(container, "readinessProbe").put("path", "/health/ready");
            ((List<Map<String, Object>>) container.get("ports")).get(0).put("containerPort", 8080);
        });

        assertThat(WiringChecks.probes(broken, Platform.SERVICES)).contains(
                "indicator-service: readinessProbe asks /health/ready, Quarkus answers on /q/health/ready",
                "indicator-service: no container port 8082 (quarkus.http.port)",
                "indicator-service: livenessProbe port http is not quarkus.http.port 8082");
    }

    @Test
    void anUndefinedSecretOrAMissingKeyIsCaught() {
        Overlay broken = Platform.overlay("prod").with(documents -> {
            Map<String, Object> deployment = Overlay.document(documents, "Deployment", "report-intake");
            secretKeyRef(Resources.containers(deployment).get(0), "DB_PASSWORD").put("key", "pass");
            secretKeyRef(Resources.containers(deployment).get(0), "DB_USER").put("name", "intake-database");
        });

        assertThat(WiringChecks.references(broken, OperatorProvided.secrets())).containsExactlyInAnyOrder(
                "Deployment report-intake: Secret report-intake-db has no key pass",
                "Deployment report-intake: Secret intake-database is neither defined nor documented as operator-provided");
    }

    @Test
    void anUndocumentedOperatorSecretIsCaught() {
        Map<String, java.util.Set<String>> withoutJwt = new HashMap<>(OperatorProvided.secrets());
        withoutJwt.remove("report-platform-jwt");

        assertThat(WiringChecks.references(Platform.overlay("dev"), withoutJwt)).contains(
                "Deployment report-intake: Secret report-platform-jwt is neither defined nor documented as operator-provided");
    }

    @Test
    void anEnvironmentVariableNoConfigurationKeyReadsIsCaught() {
        Overlay broken = Platform.overlay("dev").with(documents -> {
            ((Map<String, Object>) Overlay.document(documents, "ConfigMap", "dashboard-api-config").get("data"))
                    .put("QUARKUS_DATASOURCE_USERNAM", "x");
            ((Map<String, Object>) Overlay.document(documents, "ConfigMap", "platform-kafka-client").get("data"))
                    .put("KAFKA_SASL_JAAS", "x");
            ((Map<String, Object>) Overlay.document(documents, "ConfigMap", "indicator-service-config").get("data"))
                    .put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        });

        assertThat(WiringChecks.environment(broken, Platform.SERVICES)).containsExactlyInAnyOrder(
                "dashboard-api reads no configuration key for environment variable QUARKUS_DATASOURCE_USERNAM",
                "dashboard-api reads no configuration key for environment variable KAFKA_SASL_JAAS",
                "report-intake reads no configuration key for environment variable KAFKA_SASL_JAAS",
                // Kafka Streams takes quarkus.kafka-streams.*, not the kafka.* client settings
                "indicator-service reads no configuration key for environment variable KAFKA_SECURITY_PROTOCOL");
    }

    @Test
    void environmentNamesMapToConfigurationKeys() {
        ServiceConfiguration intake = Platform.SERVICES.get("report-intake");
        ServiceConfiguration streams = Platform.SERVICES.get("indicator-service");

        assertThat(ConfigurationKeys.problem(intake, "QUARKUS_DATASOURCE_USERNAME")).isEmpty();
        assertThat(ConfigurationKeys.problem(intake, "DB_HOST")).isEmpty();
        assertThat(ConfigurationKeys.problem(intake, "PLATFORM_TOPICS_SUBMISSIONS")).isEmpty();
        assertThat(ConfigurationKeys.problem(intake, "KAFKA_SASL_JAAS_CONFIG")).isEmpty();
        assertThat(ConfigurationKeys.problem(intake, "MP_JWT_VERIFY_ISSUER")).isEmpty();
        assertThat(ConfigurationKeys.problem(streams, "QUARKUS_KAFKA_STREAMS_SASL_JAAS_CONFIG")).isEmpty();
        assertThat(ConfigurationKeys.problem(streams, "QUARKUS_KAFKA_STREAMS_SASL_JAAS")).isPresent();
        assertThat(ConfigurationKeys.problem(intake, "QUARKUS_KAFKA_STREAMS_SASL_JAAS_CONFIG")).isPresent();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> probeGet(Map<String, Object> container, String probe) {
        return (Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> secretKeyRef(Map<String, Object> container, String variable) {
        return ((List<Map<String, Object>>) container.get("env")).stream()
                .filter(env -> variable.equals(env.get("name")))
                .map(env -> (Map<String, Object>) ((Map<String, Object>) env.get("valueFrom")).get("secretKeyRef"))
                .findFirst().orElseThrow();
    }
}
