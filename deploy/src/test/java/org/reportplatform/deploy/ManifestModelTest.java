package org.reportplatform.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every manifest of every overlay is a valid object of its kind: no unknown field, no wrong type. */
class ManifestModelTest {

    @Test
    void anUnknownFieldIsReportedWithItsPath() {
        Overlay broken = Platform.overlay("dev").with(documents -> Resources.containers(
                Overlay.document(documents, "Deployment", "report-intake")).get(0).put("imagePolicy", "Always"));

        assertThat(unknownFields(broken, "report-intake"))
                .contains("spec.template.spec.containers[0].imagePolicy");
    }

    @Test
    void anUnknownFieldOfAStrimziResourceIsReported() {
        Overlay broken = Platform.overlay("prod").with(documents -> spec(documents, "KafkaTopic", "report-submissions")
                .put("partition", 3));

        assertThat(unknownFields(broken, "report-submissions")).contains("spec.partition");
    }

    @Test
    void anUnknownOrMistypedFieldOfACloudNativePgResourceIsReported() {
        Overlay broken = Platform.overlay("prod").with(documents -> {
            spec(documents, "Cluster", "platform-db").put("instance", 3);
            spec(documents, "Cluster", "platform-db").put("instances", "three");
        });

        assertThat(unknownFields(broken, "platform-db"))
                .contains("spec.instance (unknown)", "spec.instances (three is not a Integer)");
    }

    @Test
    void aWrongTypeFailsParsing() {
        assertThatThrownBy(() -> Platform.overlay("dev").with(documents ->
                spec(documents, "Deployment", "dashboard-api").put("replicas", "three")))
                .hasMessageContaining("apps/Deployment/dashboard-api");
    }

    @Test
    void aKindWithoutModelFailsParsing() {
        assertThatThrownBy(() -> Models.parse(Kustomize.parseDocuments("""
                apiVersion: example.org/v1
                kind: Widget
                metadata: {name: w}
                """).get(0))).hasMessageContaining("no model for example.org/Widget");
    }

    private static List<String> unknownFields(Overlay overlay, String name) {
        return overlay.resources.stream().filter(resource -> resource.getMetadata().getName().equals(name))
                .flatMap(resource -> Models.unknownFields(resource).stream()).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(List<Map<String, Object>> documents, String kind, String name) {
        return (Map<String, Object>) Overlay.document(documents, kind, name).get("spec");
    }
}
