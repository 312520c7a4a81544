package org.reportplatform.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Locked-down pods; only intake and dashboard-api reachable from the Ingress, over TLS. */
@SuppressWarnings("unchecked")
class SecurityTest {

    @Test
    void aWritableRootFilesystemAndAMissingLimitAreCaught() {
        Overlay broken = Platform.overlay("prod").with(documents -> {
            Map<String, Object> container = Resources.containers(Overlay.document(documents, "Deployment", "dashboard-api")).get(0);
            ((Map<String, Object>) container.get("securityContext")).put("readOnlyRootFilesystem", false);
            ((Map<String, Object>) container.get("resources")).remove("limits");
        });

        assertThat(SecurityChecks.podHardening(broken, Platform.SERVICES)).containsExactlyInAnyOrder(
                "dashboard-api: readOnlyRootFilesystem is not true",
                "dashboard-api: no cpu request and limit",
                "dashboard-api: no memory request and limit");
    }

    @Test
    void streamsStateOffItsVolumeIsCaught() {
        Overlay broken = Platform.overlay("dev").with(documents -> ((Map<String, Object>) Overlay.document(documents,
                "ConfigMap", "indicator-service-config").get("data")).put("KAFKA_STREAMS_STATE_DIR", "/tmp/streams"));

        assertThat(SecurityChecks.podHardening(broken, Platform.SERVICES)).containsExactly(
                "indicator-service: the Kafka Streams state directory /tmp/streams is not on a volume of its own (volumeClaimTemplates)");
    }

    @Test
    void exposingIndicatorServiceIsCaught() {
        Overlay broken = Platform.overlay("prod").with(documents -> {
            List<Map<String, Object>> rules = (List<Map<String, Object>>) ManifestModelTest.spec(documents, "Ingress",
                    "report-platform").get("rules");
            rules.add(Map.of("host", "streams.reports.example.org", "http", Map.of("paths", List.of(Map.of(
                    "path", "/", "pathType", "Prefix",
                    "backend", Map.of("service", Map.of("name", "indicator-service", "port", Map.of("name", "http"))))))));
            Map<String, Object> policy = ManifestModelTest.spec(documents, "NetworkPolicy", "indicator-service");
            List<Map<String, Object>> from = (List<Map<String, Object>>) ((List<Map<String, Object>>) policy.get("ingress")).get(0).get("from");
            from.add(Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "ingress-nginx"))));
        });

        assertThat(SecurityChecks.exposure(broken)).containsExactlyInAnyOrder(
                "Ingress report-platform: host streams.reports.example.org has no TLS",
                "Ingress report-platform exposes indicator-service",
                "indicator-service: reachable from the Ingress controller's namespace");
    }

    @Test
    void aPortThatDoesNotExistBehindTheIngressOrANetworkPolicyIsCaught() {
        Overlay broken = Platform.overlay("dev").with(documents -> {
            Map<String, Object> rule = ((List<Map<String, Object>>) ManifestModelTest.spec(documents, "Ingress",
                    "report-platform").get("rules")).get(1);
            Map<String, Object> path = ((List<Map<String, Object>>) ((Map<String, Object>) rule.get("http")).get("paths")).get(0);
            ((Map<String, Object>) ((Map<String, Object>) path.get("backend")).get("service")).put("port", Map.of("name", "https"));
            Map<String, Object> policy = ManifestModelTest.spec(documents, "NetworkPolicy", "report-intake");
            ((List<Map<String, Object>>) policy.get("ingress")).get(0).put("ports", List.of(Map.of("port", 8080)));
        });

        assertThat(SecurityChecks.exposure(broken)).containsExactlyInAnyOrder(
                "Ingress report-platform: no Service dashboard-api with port https",
                "report-intake: a NetworkPolicy opens port 8080, which its containers do not have");
    }

    @Test
    void aServiceWithoutNetworkPolicyIsCaught() {
        Overlay broken = Platform.overlay("dev").with(documents ->
                documents.remove(Overlay.document(documents, "NetworkPolicy", "report-intake")));

        assertThat(SecurityChecks.exposure(broken)).containsExactlyInAnyOrder(
                "report-intake: no NetworkPolicy restricts who reaches its pods",
                "report-intake: not reachable from the Ingress controller's namespace");
    }
}
