package org.reportplatform.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CloudNativePG and its Barman Cloud plugin publish no Java model, so their resources parse as generic ones. This
 * is a hand-written schema of the fields deploy/ may use, each with its type, taken from the CloudNativePG API
 * reference (postgresql.cnpg.io/v1, 1.26) and the plugin's (barmancloud.cnpg.io/v1): a field outside it, or of
 * another type, is reported like an unknown field of a modelled kind. Extend it when a manifest needs a new field,
 * after reading the API reference.
 */
final class CnpgFields {

    private static final Map<String, Map<String, Class<?>>> SPEC_FIELDS = Map.of(
            "postgresql.cnpg.io/Cluster", Map.ofEntries(
                    Map.entry("instances", Integer.class),
                    Map.entry("imageName", String.class),
                    Map.entry("storage.size", String.class),
                    Map.entry("storage.storageClass", String.class),
                    Map.entry("bootstrap.initdb.database", String.class),
                    Map.entry("bootstrap.initdb.owner", String.class),
                    Map.entry("bootstrap.initdb.secret.name", String.class),
                    Map.entry("managed.roles[].name", String.class),
                    Map.entry("managed.roles[].ensure", String.class),
                    Map.entry("managed.roles[].login", Boolean.class),
                    Map.entry("managed.roles[].passwordSecret.name", String.class),
                    Map.entry("plugins[].name", String.class),
                    Map.entry("plugins[].isWALArchiver", Boolean.class),
                    Map.entry("plugins[].parameters.barmanObjectName", String.class),
                    Map.entry("monitoring.enablePodMonitor", Boolean.class),
                    Map.entry("resources.requests.cpu", String.class),
                    Map.entry("resources.requests.memory", String.class),
                    Map.entry("resources.limits.cpu", String.class),
                    Map.entry("resources.limits.memory", String.class)),
            "postgresql.cnpg.io/Database", Map.of(
                    "name", String.class,
                    "owner", String.class,
                    "ensure", String.class,
                    "cluster.name", String.class),
            "postgresql.cnpg.io/ScheduledBackup", Map.of(
                    "schedule", String.class,
                    "backupOwnerReference", String.class,
                    "method", String.class,
                    "pluginConfiguration.name", String.class,
                    "cluster.name", String.class,
                    "immediate", Boolean.class),
            "barmancloud.cnpg.io/ObjectStore", Map.of(
                    "retentionPolicy", String.class,
                    "configuration.destinationPath", String.class,
                    "configuration.endpointURL", String.class,
                    "configuration.s3Credentials.accessKeyId.name", String.class,
                    "configuration.s3Credentials.accessKeyId.key", String.class,
                    "configuration.s3Credentials.secretAccessKey.name", String.class,
                    "configuration.s3Credentials.secretAccessKey.key", String.class,
                    "configuration.wal.compression", String.class,
                    "configuration.data.compression", String.class));

    private CnpgFields() {
    }

    static boolean knows(GenericKubernetesResource resource) {
        return SPEC_FIELDS.containsKey(groupKind(resource));
    }

    /** Fields of the resource outside the schema, or of another type: {@code spec.storage.sise (unknown)}. */
    static List<String> problems(GenericKubernetesResource resource) {
        Map<String, Class<?>> schema = SPEC_FIELDS.get(groupKind(resource));
        List<String> problems = new ArrayList<>();
        resource.getAdditionalProperties().forEach((key, value) -> {
            if (!key.equals("spec")) {
                problems.add(key + " (unknown)");
            } else {
                leaves(value, "", (path, leaf) -> {
                    Class<?> type = schema.get(path);
                    if (type == null) {
                        problems.add("spec." + path + " (unknown)");
                    } else if (!type.isInstance(leaf)) {
                        problems.add("spec." + path + " (" + leaf + " is not a " + type.getSimpleName() + ")");
                    }
                });
            }
        });
        return problems;
    }

    private static String groupKind(GenericKubernetesResource resource) {
        String apiVersion = resource.getApiVersion();
        return apiVersion.substring(0, apiVersion.indexOf('/')) + "/" + resource.getKind();
    }

    private static void leaves(Object value, String path, java.util.function.BiConsumer<String, Object> visitor) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> leaves(element, path.isEmpty() ? String.valueOf(key) : path + "." + key, visitor));
        } else if (value instanceof List<?> list) {
            list.forEach(element -> leaves(element, path + "[]", visitor));
        } else {
            visitor.accept(path, value);
        }
    }
}
