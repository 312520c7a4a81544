package org.reportplatform.deploy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Kafka's resources against what the services name: topics, each service's user and ACLs, replication. */
final class KafkaChecks {

    private KafkaChecks() {
    }

    /** Every topic a service's configuration names (and every platform.topics.*) has a KafkaTopic, and no other. */
    static List<String> topics(Overlay overlay, Map<String, ServiceConfiguration> services) {
        Set<String> defined = topicNames(overlay);
        List<String> problems = new ArrayList<>();
        services.values().forEach(service -> service.topics().stream().filter(topic -> !defined.contains(topic))
                .forEach(topic -> problems.add(service.name + " names topic " + topic + ", which has no KafkaTopic")));
        Set<String> named = services.values().stream().flatMap(service -> service.topics().stream()).collect(Collectors.toSet());
        defined.stream().filter(topic -> !named.contains(topic)).sorted()
                .forEach(topic -> problems.add("KafkaTopic " + topic + " is named by no service"));
        return problems;
    }

    /**
     * What each topic keeps: the aggregates topic is compacted (the latest figure per key, from which a new
     * consumer group rebuilds the read model), the submissions topic keeps everything (indicator-service replays it
     * after a reset, docs/scaling.md), the dead letters 30 days (docs/adr/0013-dead-letters.md).
     */
    static List<String> retention(Overlay overlay, Map<String, ServiceConfiguration> services) {
        ServiceConfiguration any = services.values().iterator().next();
        Map<String, Map<String, String>> expected = Map.of(
                any.value("platform.topics.aggregates"), Map.of("cleanup.policy", "compact"),
                any.value("platform.topics.submissions"), Map.of("cleanup.policy", "delete", "retention.ms", "-1"),
                any.value("platform.topics.dead-letters"),
                Map.of("cleanup.policy", "delete", "retention.ms", "2592000000"));
        List<String> problems = new ArrayList<>();
        expected.forEach((topic, settings) -> {
            Optional<KafkaTopic> resource = overlay.all(KafkaTopic.class).stream()
                    .filter(candidate -> topic.equals(Objects.requireNonNullElse(candidate.getSpec().getTopicName(),
                            candidate.getMetadata().getName())))
                    .findFirst();
            settings.forEach((key, value) -> {
                Object actual = resource.map(found -> found.getSpec().getConfig().get(key)).orElse(null);
                if (!value.equals(String.valueOf(actual))) {
                    problems.add("KafkaTopic " + topic + ": " + key + " " + actual + ", not " + value);
                }
            });
        });
        return problems;
    }

    /**
     * Each service connects as the KafkaUser whose Secret its container reads, and that user's ACLs grant what the
     * service's configuration needs and nothing beyond: Write on the topics it sends to, Read on those it reads,
     * Read on its consumer groups; for Kafka Streams, its application.id as the prefix of its internal topics,
     * group and transactional ids.
     */
    static List<String> acls(Overlay overlay, Map<String, ServiceConfiguration> services) {
        List<String> problems = new ArrayList<>();
        for (Overlay.Workload workload : overlay.workloads()) {
            ServiceConfiguration service = services.get(workload.name());
            Optional<KafkaUser> user = kafkaUserOf(overlay, workload);
            if (user.isEmpty()) {
                problems.add(workload.name() + ": reads no KafkaUser's sasl.jaas.config");
                continue;
            }
            List<AclRule> rules = user.get().getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple
                    ? simple.getAcls() : List.of();
            String who = "KafkaUser " + user.get().getMetadata().getName();
            String applicationId = service.usesExtension("quarkus-kafka-streams") ? service.streamsApplicationId() : null;

            service.outgoingTopics().forEach(topic -> require(problems, who, rules, "topic", topic, AclOperation.WRITE));
            service.incomingTopics().forEach(topic -> require(problems, who, rules, "topic", topic, AclOperation.READ));
            service.consumerGroups().forEach(group -> require(problems, who, rules, "group", group, AclOperation.READ));
            if (applicationId != null) {
                service.streamsTopics().stream()
                        .filter(topic -> !allows(rules, "topic", topic, AclOperation.READ)
                                && !allows(rules, "topic", topic, AclOperation.WRITE))
                        .forEach(topic -> problems.add(who + " may neither read nor write " + topic));
                require(problems, who, rules, "group", applicationId, AclOperation.READ);
                require(problems, who, rules, "topic", applicationId + "-x-changelog", AclOperation.CREATE);
                require(problems, who, rules, "transactionalId", applicationId + "-x", AclOperation.WRITE);
            }

            // nothing beyond: literal names are the service's own, prefixes only its application.id
            Set<String> ownTopics = new java.util.HashSet<>(service.incomingTopics());
            ownTopics.addAll(service.outgoingTopics());
            ownTopics.addAll(service.streamsTopics());
            Set<String> ownGroups = service.consumerGroups();
            for (AclRule rule : rules) {
                String type = resourceType(rule);
                String name = resourceName(rule);
                boolean prefix = patternType(rule) == AclResourcePatternType.PREFIX;
                boolean own = prefix ? name.equals(applicationId)
                        : type.equals("topic") ? ownTopics.contains(name)
                        : type.equals("group") ? ownGroups.contains(name) || name.equals(applicationId)
                        : name.equals(applicationId);
                if (!own || operations(rule).contains(AclOperation.ALL)) {
                    problems.add(who + " grants " + operations(rule) + " on " + type + " " + name
                            + (prefix ? "*" : "") + ", which is not " + service.name + "'s own");
                }
            }
        }
        return problems;
    }

    /** Topics replicated {@code replicas} times with min.insync.replicas {@code minInSync}, also for internal topics. */
    static List<String> replication(Overlay overlay, int replicas, int minInSync) {
        List<String> problems = new ArrayList<>();
        for (KafkaTopic topic : overlay.all(KafkaTopic.class)) {
            String name = topic.getMetadata().getName();
            if (!Objects.equals(topic.getSpec().getReplicas(), replicas)) {
                problems.add("KafkaTopic " + name + ": replicas " + topic.getSpec().getReplicas() + ", not " + replicas);
            }
            if (!String.valueOf(minInSync).equals(String.valueOf(topic.getSpec().getConfig().get("min.insync.replicas")))) {
                problems.add("KafkaTopic " + name + ": min.insync.replicas " + topic.getSpec().getConfig().get("min.insync.replicas"));
            }
        }
        for (Kafka kafka : overlay.all(Kafka.class)) {
            Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
            Map.of("default.replication.factor", replicas, "offsets.topic.replication.factor", replicas,
                    "transaction.state.log.replication.factor", replicas, "min.insync.replicas", minInSync,
                    "transaction.state.log.min.isr", minInSync).forEach((key, expected) -> {
                        if (!String.valueOf(expected).equals(String.valueOf(config.get(key)))) {
                            problems.add("Kafka " + kafka.getMetadata().getName() + ": " + key + " " + config.get(key)
                                    + ", not " + expected);
                        }
                    });
        }
        int brokers = overlay.all(KafkaNodePool.class).stream()
                .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(pool -> pool.getSpec().getReplicas()).sum();
        if (brokers < replicas) {
            problems.add(brokers + " brokers cannot hold " + replicas + " replicas");
        }
        return problems;
    }

    static Set<String> topicNames(Overlay overlay) {
        return overlay.all(KafkaTopic.class).stream()
                .map(topic -> Objects.requireNonNullElse(topic.getSpec().getTopicName(), topic.getMetadata().getName()))
                .collect(Collectors.toSet());
    }

    /** The KafkaUser whose Strimzi Secret holds the sasl.jaas.config the workload's container reads. */
    static Optional<KafkaUser> kafkaUserOf(Overlay overlay, Overlay.Workload workload) {
        return WiringChecks.mainContainer(workload).getEnv().stream()
                .map(EnvVar::getValueFrom).filter(Objects::nonNull)
                .map(source -> source.getSecretKeyRef()).filter(Objects::nonNull)
                .filter(reference -> "sasl.jaas.config".equals(reference.getKey()))
                .findFirst()
                .flatMap(reference -> overlay.find(KafkaUser.class, reference.getName()));
    }

    private static void require(List<String> problems, String who, List<AclRule> rules, String type, String name,
            AclOperation operation) {
        if (!allows(rules, type, name, operation)) {
            problems.add(who + " lacks " + operation + " on " + type + " " + name);
        }
    }

    private static boolean allows(List<AclRule> rules, String type, String name, AclOperation operation) {
        return rules.stream().anyMatch(rule -> resourceType(rule).equals(type)
                && (patternType(rule) == AclResourcePatternType.PREFIX ? name.startsWith(resourceName(rule))
                        : name.equals(resourceName(rule)))
                && (operations(rule).contains(operation) || operations(rule).contains(AclOperation.ALL)));
    }

    private static String resourceType(AclRule rule) {
        return rule.getResource().getType();
    }

    private static String resourceName(AclRule rule) {
        return target(rule).name();
    }

    private static AclResourcePatternType patternType(AclRule rule) {
        return target(rule).patternType();
    }

    /** The named resource of a rule; the cluster has no name. */
    private record Target(String name, AclResourcePatternType patternType) {
    }

    private static Target target(AclRule rule) {
        if (rule.getResource() instanceof AclRuleTopicResource topic) {
            return new Target(topic.getName(), topic.getPatternType());
        }
        if (rule.getResource() instanceof AclRuleGroupResource group) {
            return new Target(group.getName(), group.getPatternType());
        }
        if (rule.getResource() instanceof AclRuleTransactionalIdResource transactionalId) {
            return new Target(transactionalId.getName(), transactionalId.getPatternType());
        }
        return new Target("(cluster)", AclResourcePatternType.LITERAL);
    }

    /** The rule's operations; Strimzi still reads the deprecated single {@code operation}. */
    private static List<AclOperation> operations(AclRule rule) {
        return rule.getOperations() != null ? rule.getOperations()
                : rule.getOperation() != null ? List.of(rule.getOperation()) : List.of();
    }
}
