package org.reportplatform.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An overlay rendered and parsed: its documents as maps (for tests that break them) and as models. */
final class Overlay {

    /** deploy/, from Surefire (deploy.root) or the working directory of a run from the module. */
    static final Path DEPLOY = Path.of(System.getProperty("deploy.root", ".")).toAbsolutePath().normalize();
    static final Path REPOSITORY = DEPLOY.getParent();
    static final List<String> NAMES = List.of("dev", "prod");

    final String name;
    final List<Map<String, Object>> documents;
    final List<HasMetadata> resources;

    private Overlay(String name, List<Map<String, Object>> documents) {
        this.name = name;
        this.documents = documents;
        this.resources = documents.stream().map(Models::parse).toList();
    }

    static Overlay render(String name) {
        return new Overlay(name, Kustomize.render(DEPLOY.resolve("overlays").resolve(name)));
    }

    /** The same documents after {@code change} (on a deep copy), parsed again: how the negative tests break one. */
    Overlay with(java.util.function.Consumer<List<Map<String, Object>>> change) {
        List<Map<String, Object>> copy = Kustomize.copy(documents);
        change.accept(copy);
        return new Overlay(name + " (changed)", copy);
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream().filter(resource -> resource.getMetadata().getName().equals(name)).findFirst();
    }

    Optional<ConfigMap> configMap(String name) {
        return find(ConfigMap.class, name);
    }

    /** The Deployments and StatefulSets: the platform's services. */
    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        all(Deployment.class).forEach(deployment -> workloads.add(new Workload(deployment,
                deployment.getSpec().getTemplate(), deployment.getSpec().getReplicas(), List.of())));
        all(StatefulSet.class).forEach(statefulSet -> workloads.add(new Workload(statefulSet,
                statefulSet.getSpec().getTemplate(), statefulSet.getSpec().getReplicas(),
                statefulSet.getSpec().getVolumeClaimTemplates())));
        return workloads;
    }

    /**
     * The value a container's environment variable takes: set directly, from a ConfigMap key (valueFrom or envFrom,
     * later sources winning as in Kubernetes), or {@code secret:<name>/<key>} for a Secret key; null when unset.
     */
    String environmentValue(Container container, String variable) {
        for (EnvVar env : container.getEnv()) {
            if (env.getName().equals(variable)) {
                if (env.getValueFrom() == null) {
                    return env.getValue();
                }
                var configMapKey = env.getValueFrom().getConfigMapKeyRef();
                if (configMapKey != null) {
                    return configMap(configMapKey.getName()).map(map -> map.getData().get(configMapKey.getKey())).orElse(null);
                }
                var secretKey = env.getValueFrom().getSecretKeyRef();
                return secretKey == null ? null : "secret:" + secretKey.getName() + "/" + secretKey.getKey();
            }
        }
        String value = null;
        for (var source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                value = configMap(source.getConfigMapRef().getName())
                        .map(map -> map.getData().get(variable)).orElse(value);
            }
        }
        return value;
    }

    /** The raw document of a resource, to change it in a negative test. */
    static Map<String, Object> document(List<Map<String, Object>> documents, String kind, String name) {
        return documents.stream()
                .filter(document -> kind.equals(document.get("kind")) && name.equals(Resources.metadata(document).get("name")))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + kind + " " + name));
    }

    record Workload(HasMetadata resource, PodTemplateSpec template, Integer replicas,
            List<PersistentVolumeClaim> volumeClaimTemplates) {

        String name() {
            return resource.getMetadata().getName();
        }

        String kind() {
            return resource.getKind();
        }
    }
}
