package org.reportplatform.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** dev runs one of everything; prod three, spread over nodes, with disruption budgets and autoscalers. */
class OverlayShapeTest {

    @Test
    void devRunsOneOfEverything() {
        assertThat(ScaleChecks.replicas(Platform.overlay("dev"), 1)).isEmpty();
    }

    @Test
    void prodRunsThreeOfEverythingSpreadAndProtected() {
        Overlay prod = Platform.overlay("prod");

        assertThat(ScaleChecks.replicas(prod, 3)).isEmpty();
        assertThat(ScaleChecks.availability(prod)).isEmpty();
        assertThat(prod.configMap("indicator-service-config").orElseThrow().getData())
                .containsEntry("KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1");
    }

    @Test
    void aServiceLeftAtOneReplicaWithoutBudgetOrAutoscalerIsCaught() {
        Overlay broken = Platform.overlay("prod").with(documents -> {
            ManifestModelTest.spec(documents, "Deployment", "dashboard-api").put("replicas", 1);
            documents.remove(Overlay.document(documents, "PodDisruptionBudget", "indicator-service"));
            ManifestModelTest.spec(documents, "Cluster", "platform-db").put("instances", 2);
        });

        assertThat(ScaleChecks.replicas(broken, 3)).containsExactlyInAnyOrder(
                "dashboard-api: 1 replicas", "Cluster platform-db: 2 instances");
        assertThat(ScaleChecks.availability(broken)).containsExactlyInAnyOrder(
                "indicator-service: no PodDisruptionBudget",
                "Deployment dashboard-api: no HorizontalPodAutoscaler starting at its replica count");
    }

    @Test
    void devHasNoSpreadOrBudgets() {
        assertThat(ScaleChecks.availability(Platform.overlay("dev"))).contains(
                "report-intake: no pod anti-affinity over nodes", "report-intake: no PodDisruptionBudget");
        assertThat(Platform.overlay("dev").documents)
                .noneMatch(document -> "HorizontalPodAutoscaler".equals(document.get("kind")));
    }
}
