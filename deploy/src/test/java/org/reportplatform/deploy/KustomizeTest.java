package org.reportplatform.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Kustomize subset renders the way Kustomize does, and refuses what it does not implement. */
class KustomizeTest {

    @TempDir
    Path dir;

    @Test
    void patchesMergeContainersByNameAndSetNamespaceAndImages() throws IOException {
        write("base/kustomization.yaml", """
                resources: [app.yaml]
                images:
                  - name: app
                    newName: registry.example.org/group/app
                    newTag: "2.0"
                """);
        write("base/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: app
                          image: app
                          env: [{name: A, value: "1"}, {name: B, value: "2"}]
                        - name: sidecar
                          image: other
                """);
        write("overlay/kustomization.yaml", """
                namespace: ns
                resources: [../base]
                patches: [{path: patch.yaml}]
                """);
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: 3
                  template:
                    spec:
                      containers:
                        - name: app
                          env: [{name: B, value: "20"}, {name: C, value: "3"}]
                """);

        Map<String, Object> deployment = Kustomize.render(dir.resolve("overlay")).get(0);

        assertThat(Resources.metadata(deployment)).containsEntry("namespace", "ns");
        assertThat(deployment).extractingByKey("spec").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("replicas", 3);
        List<Map<String, Object>> containers = Resources.containers(deployment);
        assertThat(containers).extracting(container -> container.get("name")).containsExactly("app", "sidecar");
        assertThat(containers.get(0)).containsEntry("image", "registry.example.org/group/app:2.0")
                .containsEntry("env", List.of(Map.of("name", "A", "value", "1"), Map.of("name", "B", "value", "20"),
                        Map.of("name", "C", "value", "3")));
        assertThat(containers.get(1)).containsEntry("image", "other");
    }

    @Test
    void listsOfCustomResourcesAreReplacedWhole() throws IOException {
        write("kustomization.yaml", "resources: [pool.yaml]\npatches: [{path: patch.yaml}]\n");
        write("pool.yaml", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaNodePool
                metadata: {name: pool}
                spec: {roles: [controller, broker], replicas: 1}
                """);
        write("patch.yaml", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaNodePool
                metadata: {name: pool}
                spec: {roles: [broker]}
                """);

        assertThat(Kustomize.render(dir).get(0).get("spec")).isEqualTo(Map.of("roles", List.of("broker"), "replicas", 1));
    }

    @Test
    void refusesFieldsOutsideTheSubset() throws IOException {
        write("kustomization.yaml", "resources: []\ncommonLabels: {team: a}\n");

        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("field 'commonLabels' is not in the supported subset");
    }

    @Test
    void refusesAPatchWithoutTarget() throws IOException {
        write("kustomization.yaml", "resources: []\npatches: [{path: patch.yaml}]\n");
        write("patch.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: missing}\n");

        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("no resource /ConfigMap/missing to patch");
    }

    @Test
    void refusesAResourceDefinedTwice() throws IOException {
        write("kustomization.yaml", "resources: [a.yaml, b.yaml]\n");
        write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same}\n");
        write("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same}\n");

        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("defined twice");
    }

    @Test
    void refusesPatchDirectives() throws IOException {
        write("kustomization.yaml", "resources: [a.yaml]\npatches: [{path: patch.yaml}]\n");
        write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: y}\n");
        write("patch.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {$patch: replace}\n");

        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("$patch is not supported");
    }

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
