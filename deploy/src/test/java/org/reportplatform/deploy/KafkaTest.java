package org.reportplatform.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Topics, users and ACLs against the topics and groups the services' configuration names. */
@SuppressWarnings("unchecked")
class KafkaTest {

    @Test
    void prodReplicatesEveryTopicThreeTimesWithTwoInSync() {
        assertThat(KafkaChecks.replication(Platform.overlay("prod"), 3, 2)).isEmpty();
    }

    @Test
    void devReplicatesOnce() {
        assertThat(KafkaChecks.replication(Platform.overlay("dev"), 1, 1)).isEmpty();
    }

    @Test
    void aTopicAServiceNamesWithoutKafkaTopicIsCaught() throws IOException {
        // a dead-letter topic added to dashboard-api's configuration, as a later issue may do
        ServiceConfiguration dashboard = ServiceConfiguration.of("dashboard-api",
                Files.readString(Overlay.REPOSITORY.resolve("dashboard-api/src/main/resources/application.properties"))
                        + "\nmp.messaging.incoming.aggregates.dead-letter-queue.topic=indicator-aggregates-dlq\n",
                Files.readString(Overlay.REPOSITORY.resolve("contracts/src/main/resources/META-INF/microprofile-config.properties")),
                Files.readString(Overlay.REPOSITORY.resolve("dashboard-api/pom.xml")));
        Map<String, ServiceConfiguration> services = new HashMap<>(Platform.SERVICES);
        services.put("dashboard-api", dashboard);

        assertThat(KafkaChecks.topics(Platform.overlay("prod"), services))
                .containsExactly("dashboard-api names topic indicator-aggregates-dlq, which has no KafkaTopic");
    }

    @Test
    void aTopicNoServiceNamesIsCaught() {
        Overlay broken = Platform.overlay("dev").with(documents -> documents.add(Kustomize.parseDocuments("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: report-submissions-v0, labels: {strimzi.io/cluster: platform-kafka}}
                spec: {partitions: 12, replicas: 1}
                """).get(0)));

        assertThat(KafkaChecks.topics(broken, Platform.SERVICES))
                .containsExactly("KafkaTopic report-submissions-v0 is named by no service");
    }

    @Test
    void anUncompactedAggregatesTopicOrAnExpiringSubmissionsTopicIsCaught() {
        Overlay broken = Platform.overlay("prod").with(documents -> {
            ((Map<String, Object>) ManifestModelTest.spec(documents, "KafkaTopic", "indicator-aggregates").get("config"))
                    .put("cleanup.policy", "delete");
            ((Map<String, Object>) ManifestModelTest.spec(documents, "KafkaTopic", "report-submissions").get("config"))
                    .put("retention.ms", 604800000);
        });

        assertThat(KafkaChecks.retention(broken, Platform.SERVICES)).containsExactlyInAnyOrder(
                "KafkaTopic indicator-aggregates: cleanup.policy delete, not compact",
                "KafkaTopic report-submissions: retention.ms 604800000, not -1");
    }

    @Test
    void aMissingOrAnExcessiveAclIsCaught() {
        Overlay broken = Platform.overlay("prod").with(documents -> {
            List<Map<String, Object>> intakeAcls = acls(documents, "report-intake");
            intakeAcls.get(0).put("operations", List.of("Describe"));
            intakeAcls.add(Map.of("resource", Map.of("type", "topic", "name", "indicator-aggregates"),
                    "operations", List.of("Read")));
            acls(documents, "dashboard-api").removeIf(acl -> "group".equals(((Map<String, Object>) acl.get("resource")).get("type")));
        });

        assertThat(KafkaChecks.acls(broken, Platform.SERVICES)).containsExactlyInAnyOrder(
                "KafkaUser report-intake lacks WRITE on topic report-submissions",
                "KafkaUser report-intake grants [READ] on topic indicator-aggregates, which is not report-intake's own",
                "KafkaUser dashboard-api lacks READ on group dashboard-api");
    }

    @Test
    void theStreamsApplicationNeedsItsPrefixedAcls() {
        Overlay broken = Platform.overlay("dev").with(documents -> acls(documents, "indicator-service")
                .removeIf(acl -> "transactionalId".equals(((Map<String, Object>) acl.get("resource")).get("type"))));

        assertThat(KafkaChecks.acls(broken, Platform.SERVICES))
                .containsExactly("KafkaUser indicator-service lacks WRITE on transactionalId indicator-service-v2-x");
    }

    @Test
    void aReplicationBelowTheOverlaysIsCaught() {
        Overlay broken = Platform.overlay("prod").with(documents -> ManifestModelTest.spec(documents, "KafkaTopic",
                "indicator-aggregates").put("replicas", 2));

        assertThat(KafkaChecks.replication(broken, 3, 2)).containsExactly("KafkaTopic indicator-aggregates: replicas 2, not 3");
    }

    private static List<Map<String, Object>> acls(List<Map<String, Object>> documents, String user) {
        return (List<Map<String, Object>>) ((Map<String, Object>) ManifestModelTest.spec(documents, "KafkaUser", user)
                .get("authorization")).get("acls");
    }
}
