package org.reportplatform.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Pods that run locked down and a network that exposes only what must be exposed. */
final class SecurityChecks {

    /** The services with a public API; indicator-service has none. */
    static final Set<String> PUBLIC = Set.of("report-intake", "dashboard-api");
    /** The namespace label a NetworkPolicy names the Ingress controller's namespace by. */
    static final String INGRESS_NAMESPACE = "ingress-nginx";

    private SecurityChecks() {
    }

    /**
     * Non-root, seccomp RuntimeDefault, no privilege escalation, read-only root filesystem with /tmp an emptyDir,
     * no capabilities, requests and limits for CPU and memory; indicator-service's Streams state on its volume.
     */
    static List<String> podHardening(Overlay overlay, Map<String, ServiceConfiguration> services) {
        List<String> problems = new ArrayList<>();
        for (Overlay.Workload workload : overlay.workloads()) {
            String name = workload.name();
            PodSecurityContext pod = Objects.requireNonNullElse(workload.template().getSpec().getSecurityContext(),
                    new PodSecurityContext());
            if (!Boolean.TRUE.equals(pod.getRunAsNonRoot())) {
                problems.add(name + ": runAsNonRoot is not true");
            }
            if (pod.getSeccompProfile() == null || !"RuntimeDefault".equals(pod.getSeccompProfile().getType())) {
                problems.add(name + ": seccompProfile is not RuntimeDefault");
            }
            for (Container container : workload.template().getSpec().getContainers()) {
                SecurityContext context = Objects.requireNonNullElse(container.getSecurityContext(), new SecurityContext());
                if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                    problems.add(name + ": allowPrivilegeEscalation is not false");
                }
                if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                    problems.add(name + ": readOnlyRootFilesystem is not true");
                }
                if (context.getCapabilities() == null || !context.getCapabilities().getDrop().contains("ALL")) {
                    problems.add(name + ": capabilities ALL are not dropped");
                }
                if (!"emptyDir".equals(volumeKind(workload, container, "/tmp"))) {
                    problems.add(name + ": /tmp is not an emptyDir (the root filesystem is read-only)");
                }
                var resources = container.getResources();
                for (String resource : List.of("cpu", "memory")) {
                    if (resources == null || !resources.getRequests().containsKey(resource)
                            || !resources.getLimits().containsKey(resource)) {
                        problems.add(name + ": no " + resource + " request and limit");
                    }
                }
            }
            String stateDirectory = overlay.environmentValue(WiringChecks.mainContainer(workload), "KAFKA_STREAMS_STATE_DIR");
            if (services.get(name).usesExtension("quarkus-kafka-streams")
                    && !"volumeClaimTemplate".equals(volumeKind(workload, WiringChecks.mainContainer(workload), stateDirectory))) {
                problems.add(name + ": the Kafka Streams state directory " + stateDirectory
                        + " is not on a volume of its own (volumeClaimTemplates)");
            }
        }
        return problems;
    }

    /**
     * The Ingress reaches only the public services, over TLS for every host; every service's pods are under a
     * NetworkPolicy, and only the public ones admit the Ingress controller's namespace.
     */
    static List<String> exposure(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Ingress ingress : overlay.all(Ingress.class)) {
            Set<String> tlsHosts = ingress.getSpec().getTls().stream().flatMap(tls -> tls.getHosts().stream())
                    .collect(Collectors.toSet());
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (!tlsHosts.contains(rule.getHost())) {
                    problems.add("Ingress " + ingress.getMetadata().getName() + ": host " + rule.getHost() + " has no TLS");
                }
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    if (!PUBLIC.contains(backend.getName())) {
                        problems.add("Ingress " + ingress.getMetadata().getName() + " exposes " + backend.getName());
                    }
                    boolean portExists = overlay.find(Service.class, backend.getName()).stream()
                            .flatMap(service -> service.getSpec().getPorts().stream())
                            .anyMatch(port -> Objects.equals(port.getName(), backend.getPort().getName())
                                    || Objects.equals(port.getPort(), backend.getPort().getNumber()));
                    if (!portExists) {
                        problems.add("Ingress " + ingress.getMetadata().getName() + ": no Service " + backend.getName()
                                + " with port " + Objects.requireNonNullElse(backend.getPort().getName(), backend.getPort().getNumber()));
                    }
                }
            }
        }
        List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
        for (Overlay.Workload workload : overlay.workloads()) {
            Map<String, String> labels = workload.template().getMetadata().getLabels();
            List<NetworkPolicy> selecting = policies.stream()
                    .filter(policy -> WiringChecks.matches(policy.getSpec().getPodSelector().getMatchLabels(), labels)
                            && policy.getSpec().getPolicyTypes().contains("Ingress"))
                    .toList();
            if (selecting.isEmpty()) {
                problems.add(workload.name() + ": no NetworkPolicy restricts who reaches its pods");
            }
            selecting.stream().flatMap(policy -> policy.getSpec().getIngress().stream())
                    .flatMap(rule -> rule.getPorts().stream())
                    .filter(port -> port.getPort() != null && WiringChecks.containerPort(
                            workload.template().getSpec().getContainers(), port.getPort()).isEmpty())
                    .forEach(port -> problems.add(workload.name() + ": a NetworkPolicy opens port "
                            + (port.getPort().getStrVal() != null ? port.getPort().getStrVal() : port.getPort().getIntVal())
                            + ", which its containers do not have"));
            boolean admitsIngress = selecting.stream()
                    .flatMap(policy -> policy.getSpec().getIngress().stream())
                    .flatMap(rule -> rule.getFrom().stream())
                    .anyMatch(SecurityChecks::isIngressController);
            if (admitsIngress != PUBLIC.contains(workload.name())) {
                problems.add(workload.name() + (admitsIngress ? ": reachable from" : ": not reachable from")
                        + " the Ingress controller's namespace");
            }
        }
        return problems;
    }

    private static boolean isIngressController(NetworkPolicyPeer peer) {
        return peer.getNamespaceSelector() != null && peer.getNamespaceSelector().getMatchLabels() != null
                && INGRESS_NAMESPACE.equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
    }

    /** "emptyDir", "volumeClaimTemplate", another volume kind, or null: what is mounted at {@code path}. */
    private static String volumeKind(Overlay.Workload workload, Container container, String path) {
        Optional<String> volumeName = container.getVolumeMounts().stream()
                .filter(mount -> mount.getMountPath().equals(path)).map(VolumeMount::getName).findFirst();
        if (volumeName.isEmpty()) {
            return null;
        }
        if (workload.volumeClaimTemplates().stream().anyMatch(claim -> claim.getMetadata().getName().equals(volumeName.get()))) {
            return "volumeClaimTemplate";
        }
        Optional<Volume> volume = workload.template().getSpec().getVolumes().stream()
                .filter(candidate -> candidate.getName().equals(volumeName.get())).findFirst();
        return volume.map(v -> v.getEmptyDir() != null ? "emptyDir" : "other").orElse(null);
    }
}
