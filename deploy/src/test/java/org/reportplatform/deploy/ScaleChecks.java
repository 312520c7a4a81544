package org.reportplatform.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The shape of each overlay: how many of everything, spread how, protected how. */
final class ScaleChecks {

    private ScaleChecks() {
    }

    /** Exactly {@code replicas} of each service, Kafka node and PostgreSQL instance. */
    static List<String> replicas(Overlay overlay, int replicas) {
        List<String> problems = new ArrayList<>();
        overlay.workloads().stream().filter(workload -> !Objects.equals(workload.replicas(), replicas))
                .forEach(workload -> problems.add(workload.name() + ": " + workload.replicas() + " replicas"));
        overlay.all(KafkaNodePool.class).stream().filter(pool -> pool.getSpec().getReplicas() != replicas)
                .forEach(pool -> problems.add("KafkaNodePool " + pool.getMetadata().getName() + ": "
                        + pool.getSpec().getReplicas() + " nodes"));
        overlay.all(GenericKubernetesResource.class).stream().filter(resource -> "Cluster".equals(resource.getKind()))
                .filter(cluster -> !Objects.equals(cluster.get("spec", "instances"), replicas))
                .forEach(cluster -> problems.add("Cluster " + cluster.getMetadata().getName() + ": "
                        + cluster.get("spec", "instances") + " instances"));
        return problems;
    }

    /**
     * Every service has pod anti-affinity on the node and a PodDisruptionBudget; every Deployment an autoscaler
     * whose minimum is its replica count.
     */
    static List<String> availability(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Overlay.Workload workload : overlay.workloads()) {
            var affinity = workload.template().getSpec().getAffinity();
            var antiAffinity = affinity == null ? null : affinity.getPodAntiAffinity();
            boolean spread = antiAffinity != null && (
                    antiAffinity.getRequiredDuringSchedulingIgnoredDuringExecution().stream()
                            .anyMatch(term -> "kubernetes.io/hostname".equals(term.getTopologyKey())
                                    && WiringChecks.matches(term.getLabelSelector().getMatchLabels(),
                                            workload.template().getMetadata().getLabels()))
                    || antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution().stream()
                            .map(weighted -> weighted.getPodAffinityTerm())
                            .anyMatch(term -> "kubernetes.io/hostname".equals(term.getTopologyKey())
                                    && WiringChecks.matches(term.getLabelSelector().getMatchLabels(),
                                            workload.template().getMetadata().getLabels())));
            if (!spread) {
                problems.add(workload.name() + ": no pod anti-affinity over nodes");
            }
            boolean budgeted = overlay.all(PodDisruptionBudget.class).stream().anyMatch(budget ->
                    WiringChecks.matches(budget.getSpec().getSelector().getMatchLabels(),
                            workload.template().getMetadata().getLabels()));
            if (!budgeted) {
                problems.add(workload.name() + ": no PodDisruptionBudget");
            }
        }
        for (Deployment deployment : overlay.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            boolean scaled = overlay.all(HorizontalPodAutoscaler.class).stream().anyMatch(autoscaler ->
                    "Deployment".equals(autoscaler.getSpec().getScaleTargetRef().getKind())
                            && name.equals(autoscaler.getSpec().getScaleTargetRef().getName())
                            && Objects.equals(autoscaler.getSpec().getMinReplicas(), deployment.getSpec().getReplicas()));
            if (!scaled) {
                problems.add("Deployment " + name + ": no HorizontalPodAutoscaler starting at its replica count");
            }
        }
        for (HorizontalPodAutoscaler autoscaler : overlay.all(HorizontalPodAutoscaler.class)) {
            String target = autoscaler.getSpec().getScaleTargetRef().getName();
            if (overlay.find(Deployment.class, target).isEmpty()) {
                problems.add("HorizontalPodAutoscaler " + autoscaler.getMetadata().getName() + ": no Deployment " + target);
            }
        }
        return problems;
    }
}
