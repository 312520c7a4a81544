package org.reportplatform.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the services connect, against what the operators create from the same manifests: the Kafka listener
 * (Strimzi names its bootstrap Service {@code <cluster>-kafka-bootstrap}) with its protocol and CA, and the
 * PostgreSQL database and the credentials of its owner (CloudNativePG's read-write Service {@code <cluster>-rw}).
 */
final class ConnectionChecks {

    private ConnectionChecks() {
    }

    /** Each Kafka client's bootstrap address is a listener of the Kafka cluster, spoken with its protocol and CA. */
    static List<String> kafka(Overlay overlay, Map<String, ServiceConfiguration> services) {
        List<String> problems = new ArrayList<>();
        for (Overlay.Workload workload : overlay.workloads()) {
            ServiceConfiguration service = services.get(workload.name());
            boolean streams = service.usesExtension("quarkus-kafka-streams");
            if (!streams && !service.usesExtension("quarkus-messaging-kafka")) {
                continue;
            }
            Container container = WiringChecks.mainContainer(workload);
            String prefix = streams ? "QUARKUS_KAFKA_STREAMS_" : "KAFKA_";
            String bootstrap = Objects.requireNonNullElse(overlay.environmentValue(container, "KAFKA_BOOTSTRAP_SERVERS"),
                    service.value("kafka.bootstrap.servers"));
            Optional<Map.Entry<Kafka, GenericKafkaListener>> listener = listener(overlay, bootstrap);
            if (listener.isEmpty()) {
                problems.add(workload.name() + ": bootstrap " + bootstrap + " is no listener of a Kafka cluster");
                continue;
            }
            GenericKafkaListener found = listener.get().getValue();
            boolean scram = found.getAuth() instanceof KafkaListenerAuthenticationScramSha512;
            String protocol = (scram ? "SASL_" : "") + (found.isTls() ? "SSL" : "PLAINTEXT");
            expect(problems, workload.name(), prefix + "SECURITY_PROTOCOL", protocol,
                    overlay.environmentValue(container, prefix + "SECURITY_PROTOCOL"));
            if (scram) {
                expect(problems, workload.name(), prefix + "SASL_MECHANISM", "SCRAM-SHA-512",
                        overlay.environmentValue(container, prefix + "SASL_MECHANISM"));
            }
            if (found.isTls()) {
                String caSecret = listener.get().getKey().getMetadata().getName() + "-cluster-ca-cert";
                String truststore = overlay.environmentValue(container, prefix + "SSL_TRUSTSTORE_LOCATION");
                if (!mountedSecretFiles(workload, container, caSecret).contains(truststore)) {
                    problems.add(workload.name() + ": " + prefix + "SSL_TRUSTSTORE_LOCATION " + truststore
                            + " is not the ca.crt of Secret " + caSecret + " mounted in the container");
                }
            }
        }
        return problems;
    }

    /**
     * Each service with a datasource connects to a CloudNativePG cluster's read-write Service, to a database that
     * cluster creates, with the credentials of that database's owner.
     */
    static List<String> database(Overlay overlay, Map<String, ServiceConfiguration> services) {
        List<GenericKubernetesResource> clusters = cnpg(overlay, "Cluster");
        List<String> problems = new ArrayList<>();
        for (Overlay.Workload workload : overlay.workloads()) {
            if (services.get(workload.name()).value("quarkus.datasource.db-kind") == null) {
                continue;
            }
            Container container = WiringChecks.mainContainer(workload);
            String host = overlay.environmentValue(container, "DB_HOST");
            Optional<GenericKubernetesResource> cluster = clusters.stream()
                    .filter(candidate -> (candidate.getMetadata().getName() + "-rw").equals(host)).findFirst();
            if (cluster.isEmpty()) {
                problems.add(workload.name() + ": DB_HOST " + host + " is no CloudNativePG cluster's read-write Service");
                continue;
            }
            String database = overlay.environmentValue(container, "DB_NAME");
            String ownerSecret = databaseOwnerSecrets(overlay, cluster.get()).get(database);
            if (ownerSecret == null) {
                problems.add(workload.name() + ": DB_NAME " + database + " is no database of cluster "
                        + cluster.get().getMetadata().getName());
                continue;
            }
            expect(problems, workload.name(), "DB_USER", "secret:" + ownerSecret + "/username",
                    overlay.environmentValue(container, "DB_USER"));
            expect(problems, workload.name(), "DB_PASSWORD", "secret:" + ownerSecret + "/password",
                    overlay.environmentValue(container, "DB_PASSWORD"));
        }
        return problems;
    }

    /** Database name → the Secret of its owner: initdb's database and owner, and each Database resource's owner role. */
    private static Map<String, String> databaseOwnerSecrets(Overlay overlay, GenericKubernetesResource cluster) {
        Map<String, String> owners = new HashMap<>();
        Object initdbDatabase = cluster.get("spec", "bootstrap", "initdb", "database");
        if (initdbDatabase != null) {
            owners.put((String) initdbDatabase, cluster.get("spec", "bootstrap", "initdb", "secret", "name"));
        }
        Map<String, String> roleSecrets = new HashMap<>();
        List<Map<String, Object>> roles = Objects.requireNonNullElse(cluster.get("spec", "managed", "roles"), List.of());
        roles.forEach(role -> roleSecrets.put((String) role.get("name"),
                role.get("passwordSecret") instanceof Map<?, ?> secret ? (String) secret.get("name") : null));
        for (GenericKubernetesResource database : cnpg(overlay, "Database")) {
            if (cluster.getMetadata().getName().equals(database.get("spec", "cluster", "name"))) {
                String owner = database.get("spec", "owner");
                if (roleSecrets.get(owner) != null) {
                    owners.put(database.get("spec", "name"), roleSecrets.get(owner));
                }
            }
        }
        return owners;
    }

    private static Optional<Map.Entry<Kafka, GenericKafkaListener>> listener(Overlay overlay, String bootstrap) {
        return overlay.all(Kafka.class).stream()
                .flatMap(kafka -> kafka.getSpec().getKafka().getListeners().stream()
                        .filter(listener -> (kafka.getMetadata().getName() + "-kafka-bootstrap:" + listener.getPort())
                                .equals(bootstrap))
                        .map(listener -> Map.entry(kafka, listener)))
                .findFirst();
    }

    /** Paths of the files a Secret volume puts into the container: {@code /etc/kafka-ca/ca.crt}. */
    private static List<String> mountedSecretFiles(Overlay.Workload workload, Container container, String secret) {
        List<String> files = new ArrayList<>();
        workload.template().getSpec().getVolumes().stream()
                .filter(volume -> volume.getSecret() != null && secret.equals(volume.getSecret().getSecretName()))
                .forEach(volume -> container.getVolumeMounts().stream()
                        .filter(mount -> mount.getName().equals(volume.getName()))
                        .forEach(mount -> volume.getSecret().getItems().stream()
                                .filter(item -> item.getKey().equals("ca.crt"))
                                .forEach(item -> files.add(mount.getMountPath() + "/" + item.getPath()))));
        return files;
    }

    private static List<GenericKubernetesResource> cnpg(Overlay overlay, String kind) {
        return overlay.all(GenericKubernetesResource.class).stream()
                .filter(resource -> resource.getApiVersion().startsWith("postgresql.cnpg.io/") && kind.equals(resource.getKind()))
                .toList();
    }

    private static void expect(List<String> problems, String workload, String variable, String expected, String actual) {
        if (!expected.equals(actual)) {
            problems.add(workload + ": " + variable + " is " + actual + ", the server expects " + expected);
        }
    }
}
