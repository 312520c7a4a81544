package org.reportplatform.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** How the manifests hang together and meet the services: selectors, ports, probes, ConfigMaps, Secrets, env. */
final class WiringChecks {

    /** Quarkus SmallRye Health's endpoints, by probe. */
    static final Map<String, String> HEALTH_PATHS = Map.of(
            "startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live");

    /** quarkus-micrometer-registry-prometheus's endpoint. */
    static final String METRICS_PATH = "/q/metrics";

    private WiringChecks() {
    }

    /** Every Service selects the pods of a workload, on ports their containers have. */
    static List<String> serviceSelectors(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Service service : overlay.all(Service.class)) {
            String name = service.getMetadata().getName();
            Map<String, String> selector = Objects.requireNonNullElse(service.getSpec().getSelector(), Map.of());
            List<Overlay.Workload> selected = overlay.workloads().stream()
                    .filter(workload -> matches(selector, workload.template().getMetadata().getLabels())).toList();
            if (selector.isEmpty() || selected.isEmpty()) {
                problems.add("Service " + name + ": selector " + selector + " selects no workload's pods");
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                for (Overlay.Workload workload : selected) {
                    if (containerPort(workload.template().getSpec().getContainers(), port.getTargetPort()).isEmpty()) {
                        problems.add("Service " + name + ": targetPort " + portText(port.getTargetPort())
                                + " is no container port of " + workload.name());
                    }
                }
            }
        }
        for (Overlay.Workload workload : overlay.workloads()) {
            boolean exposed = overlay.all(Service.class).stream().anyMatch(service ->
                    matches(service.getSpec().getSelector(), workload.template().getMetadata().getLabels()));
            if (!exposed) {
                problems.add(workload.kind() + " " + workload.name() + ": no Service selects its pods");
            }
        }
        return problems;
    }

    /** Every ServiceMonitor selects a Service and scrapes Quarkus's Micrometer endpoint on a port it has. */
    static List<String> monitors(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (ServiceMonitor monitor : overlay.all(ServiceMonitor.class)) {
            String name = "ServiceMonitor " + monitor.getMetadata().getName();
            List<Service> selected = overlay.all(Service.class).stream()
                    .filter(service -> matches(monitor.getSpec().getSelector().getMatchLabels(), service.getMetadata().getLabels()))
                    .toList();
            if (selected.isEmpty()) {
                problems.add(name + ": selects no Service");
            }
            for (Endpoint endpoint : monitor.getSpec().getEndpoints()) {
                if (!METRICS_PATH.equals(endpoint.getPath())) {
                    problems.add(name + ": scrapes " + endpoint.getPath() + ", Quarkus serves metrics on " + METRICS_PATH);
                }
                selected.stream().filter(service -> service.getSpec().getPorts().stream()
                        .noneMatch(port -> port.getName().equals(endpoint.getPort())))
                        .forEach(service -> problems.add(name + ": Service " + service.getMetadata().getName()
                                + " has no port " + endpoint.getPort()));
            }
        }
        return problems;
    }

    /**
     * Each service's container listens on quarkus.http.port of its application.properties, and its startup,
     * readiness and liveness probes ask Quarkus's health endpoints on that port.
     */
    static List<String> probes(Overlay overlay, Map<String, ServiceConfiguration> services) {
        List<String> problems = new ArrayList<>();
        for (Overlay.Workload workload : overlay.workloads()) {
            ServiceConfiguration service = services.get(workload.name());
            if (service == null) {
                problems.add(workload.name() + ": no service module of that name");
                continue;
            }
            Container container = mainContainer(workload);
            int httpPort = service.httpPort();
            if (container.getPorts().stream().noneMatch(port -> port.getContainerPort() == httpPort)) {
                problems.add(workload.name() + ": no container port " + httpPort + " (quarkus.http.port)");
            }
            Map<String, Probe> probes = Map.of("startupProbe", nullSafe(container.getStartupProbe()),
                    "readinessProbe", nullSafe(container.getReadinessProbe()),
                    "livenessProbe", nullSafe(container.getLivenessProbe()));
            HEALTH_PATHS.forEach((probeName, path) -> {
                Probe probe = probes.get(probeName);
                if (probe.getHttpGet() == null) {
                    problems.add(workload.name() + ": no HTTP " + probeName);
                    return;
                }
                if (!path.equals(probe.getHttpGet().getPath())) {
                    problems.add(workload.name() + ": " + probeName + " asks " + probe.getHttpGet().getPath()
                            + ", Quarkus answers on " + path);
                }
                Optional<ContainerPort> port = containerPort(List.of(container), probe.getHttpGet().getPort());
                if (port.isEmpty() || port.get().getContainerPort() != httpPort) {
                    problems.add(workload.name() + ": " + probeName + " port " + portText(probe.getHttpGet().getPort())
                            + " is not quarkus.http.port " + httpPort);
                }
            });
        }
        return problems;
    }

    /**
     * Every ConfigMap and Secret a manifest refers to (and the key it takes) is defined in the overlay, made by an
     * operator (Strimzi's user and cluster CA Secrets) or listed as operator-provided in deploy/README.md.
     */
    static List<String> references(Overlay overlay, Map<String, Set<String>> operatorProvided) {
        Map<String, Set<String>> secrets = new HashMap<>(operatorProvided);
        overlay.all(Secret.class).forEach(secret -> secrets.put(secret.getMetadata().getName(), keys(secret)));
        overlay.all(KafkaUser.class).forEach(user -> secrets.put(user.getMetadata().getName(),
                user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication
                        ? Set.of("password", "sasl.jaas.config")
                        : Set.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password")));
        overlay.all(Kafka.class).forEach(kafka -> secrets.put(kafka.getMetadata().getName() + "-cluster-ca-cert",
                Set.of("ca.crt", "ca.p12", "ca.password")));
        Map<String, Set<String>> configMaps = new HashMap<>();
        overlay.all(ConfigMap.class).forEach(configMap -> configMaps.put(configMap.getMetadata().getName(),
                Objects.requireNonNullElse(configMap.getData(), Map.<String, String>of()).keySet()));

        List<String> problems = new ArrayList<>();
        Reference secret = (owner, name, key) -> check(problems, "Secret", secrets, owner, name, key);
        Reference configMap = (owner, name, key) -> check(problems, "ConfigMap", configMaps, owner, name, key);
        for (Overlay.Workload workload : overlay.workloads()) {
            String owner = workload.kind() + " " + workload.name();
            for (Container container : workload.template().getSpec().getContainers()) {
                for (EnvFromSource source : container.getEnvFrom()) {
                    if (source.getConfigMapRef() != null) {
                        configMap.check(owner, source.getConfigMapRef().getName(), null);
                    }
                    if (source.getSecretRef() != null) {
                        secret.check(owner, source.getSecretRef().getName(), null);
                    }
                }
                for (EnvVar variable : container.getEnv()) {
                    if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                        configMap.check(owner, variable.getValueFrom().getConfigMapKeyRef().getName(),
                                variable.getValueFrom().getConfigMapKeyRef().getKey());
                    }
                    if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                        secret.check(owner, variable.getValueFrom().getSecretKeyRef().getName(),
                                variable.getValueFrom().getSecretKeyRef().getKey());
                    }
                }
            }
            for (Volume volume : workload.template().getSpec().getVolumes()) {
                if (volume.getSecret() != null) {
                    itemKeys(volume.getSecret().getItems())
                            .forEach(key -> secret.check(owner, volume.getSecret().getSecretName(), key));
                }
                if (volume.getConfigMap() != null) {
                    itemKeys(volume.getConfigMap().getItems())
                            .forEach(key -> configMap.check(owner, volume.getConfigMap().getName(), key));
                }
            }
        }
        for (Ingress ingress : overlay.all(Ingress.class)) {
            for (IngressTLS tls : ingress.getSpec().getTls()) {
                secret.check("Ingress " + ingress.getMetadata().getName(), tls.getSecretName(), null);
            }
        }
        for (GenericKubernetesResource resource : overlay.all(GenericKubernetesResource.class)) {
            String owner = resource.getKind() + " " + resource.getMetadata().getName();
            cnpgSecretReferences(resource).forEach(reference -> secret.check(owner, reference[0], reference[1]));
        }
        return problems;
    }

    /** Every environment variable of a service's container is one the service reads ({@link ConfigurationKeys}). */
    static List<String> environment(Overlay overlay, Map<String, ServiceConfiguration> services) {
        List<String> problems = new ArrayList<>();
        for (Overlay.Workload workload : overlay.workloads()) {
            ServiceConfiguration service = services.get(workload.name());
            Container container = mainContainer(workload);
            Set<String> variables = new HashSet<>();
            container.getEnv().forEach(variable -> variables.add(variable.getName()));
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getSecretRef() != null) {
                    problems.add(workload.name() + ": envFrom Secret " + source.getSecretRef().getName()
                            + " hides its variable names from this check; use secretKeyRef");
                }
                if (source.getConfigMapRef() != null) {
                    overlay.configMap(source.getConfigMapRef().getName()).ifPresent(configMap ->
                            variables.addAll(Objects.requireNonNullElse(configMap.getData(), Map.<String, String>of()).keySet()));
                }
            }
            variables.stream().filter(variable -> !JvmChecks.LAUNCHER_VARIABLES.contains(variable)).sorted()
                    .map(variable -> ConfigurationKeys.problem(service, variable))
                    .flatMap(Optional::stream).forEach(problems::add);
        }
        return problems;
    }

    static Container mainContainer(Overlay.Workload workload) {
        return workload.template().getSpec().getContainers().stream()
                .filter(container -> container.getName().equals(workload.name())).findFirst()
                .orElseThrow(() -> new AssertionError(workload.name() + ": no container named after the workload"));
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null
                && labels.entrySet().containsAll(selector.entrySet());
    }

    static Optional<ContainerPort> containerPort(List<Container> containers, IntOrString port) {
        return containers.stream().flatMap(container -> container.getPorts().stream())
                .filter(candidate -> port != null && (port.getStrVal() != null
                        ? port.getStrVal().equals(candidate.getName())
                        : port.getIntVal() != null && port.getIntVal().equals(candidate.getContainerPort())))
                .findFirst();
    }

    private interface Reference {
        void check(String owner, String name, String key);
    }

    private static void check(List<String> problems, String kind, Map<String, Set<String>> defined, String owner,
            String name, String key) {
        if (!defined.containsKey(name)) {
            problems.add(owner + ": " + kind + " " + name + " is neither defined nor documented as operator-provided");
        } else if (key != null && !defined.get(name).contains(key)) {
            problems.add(owner + ": " + kind + " " + name + " has no key " + key);
        }
    }

    /** {name, key} of each Secret a CloudNativePG resource names (key null when the operator fixes it). */
    private static List<String[]> cnpgSecretReferences(GenericKubernetesResource resource) {
        List<String[]> references = new ArrayList<>();
        Function<Object[], Object> at = path -> resource.get(path);
        if ("Cluster".equals(resource.getKind())) {
            Object initdbSecret = at.apply(new Object[] {"spec", "bootstrap", "initdb", "secret", "name"});
            if (initdbSecret != null) {
                references.add(new String[] {(String) initdbSecret, "password"});
            }
            List<?> roles = (List<?>) at.apply(new Object[] {"spec", "managed", "roles"});
            for (int i = 0; roles != null && i < roles.size(); i++) {
                Object secret = at.apply(new Object[] {"spec", "managed", "roles", i, "passwordSecret", "name"});
                if (secret != null) {
                    references.add(new String[] {(String) secret, "password"});
                }
            }
        }
        if ("ObjectStore".equals(resource.getKind())) {
            for (String credential : List.of("accessKeyId", "secretAccessKey")) {
                Object name = at.apply(new Object[] {"spec", "configuration", "s3Credentials", credential, "name"});
                Object key = at.apply(new Object[] {"spec", "configuration", "s3Credentials", credential, "key"});
                if (name != null) {
                    references.add(new String[] {(String) name, (String) key});
                }
            }
        }
        return references;
    }

    private static List<String> itemKeys(List<KeyToPath> items) {
        List<String> keys = new ArrayList<>();
        keys.add(null); // the Secret or ConfigMap itself
        items.forEach(item -> keys.add(item.getKey()));
        return keys;
    }

    private static Set<String> keys(Secret secret) {
        Set<String> keys = new HashSet<>();
        keys.addAll(Objects.requireNonNullElse(secret.getData(), Map.<String, String>of()).keySet());
        keys.addAll(Objects.requireNonNullElse(secret.getStringData(), Map.<String, String>of()).keySet());
        return keys;
    }

    private static Probe nullSafe(Probe probe) {
        return probe == null ? new Probe() : probe;
    }

    private static String portText(IntOrString port) {
        return port == null ? "(none)" : port.getStrVal() != null ? port.getStrVal() : String.valueOf(port.getIntVal());
    }
}
