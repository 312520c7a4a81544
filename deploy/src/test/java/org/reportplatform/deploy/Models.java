package org.reportplatform.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a manifest into its Java model: fabric8's for the built-in kinds and ServiceMonitor, Strimzi's for Kafka
 * resources. A wrong type (a string where a number belongs) fails here; an unknown field lands in a model's
 * additional properties, which {@link #unknownFields} lists with its path. CloudNativePG has no Java model: its
 * kinds stay generic and {@link CnpgFields} checks them.
 */
final class Models {

    /** Custom resources the fabric8 registry does not know, by {@code group/Kind}. */
    private static final Map<String, Class<? extends HasMetadata>> CUSTOM_KINDS = Map.of(
            "kafka.strimzi.io/Kafka", Kafka.class,
            "kafka.strimzi.io/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/KafkaTopic", KafkaTopic.class,
            "kafka.strimzi.io/KafkaUser", KafkaUser.class,
            "monitoring.coreos.com/ServiceMonitor", ServiceMonitor.class);

    private Models() {
    }

    static HasMetadata parse(Map<String, Object> document) {
        String groupKind = Resources.apiGroup(document) + "/" + document.get("kind");
        Class<? extends HasMetadata> type = CUSTOM_KINDS.get(groupKind);
        try {
            if (type != null) {
                return Serialization.jsonMapper().convertValue(document, type);
            }
            KubernetesResource resource = Serialization.jsonMapper().convertValue(document, KubernetesResource.class);
            if (resource instanceof GenericKubernetesResource generic && !CnpgFields.knows(generic)) {
                throw new IllegalArgumentException("no model for " + groupKind);
            }
            return (HasMetadata) resource;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Resources.id(document) + ": " + e.getMessage(), e);
        }
    }

    /** Paths of every field the model did not know, e.g. {@code spec.template.spec.containers[0].imagePolicy}. */
    static List<String> unknownFields(HasMetadata resource) {
        List<String> found = new ArrayList<>();
        if (resource instanceof GenericKubernetesResource generic) {
            collect(generic.getMetadata(), "metadata", found);
            found.addAll(CnpgFields.problems(generic));
        } else {
            collect(resource, "", found);
        }
        return found;
    }

    private static void collect(Object value, String path, List<String> found) {
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                collect(element, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> collect(element, path + "." + key, found));
            return;
        }
        if (value == null || !isModel(value.getClass())) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isProperty(getter)) {
                continue;
            }
            Object property = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> additional) {
                    additional.keySet().forEach(key -> found.add(join(path, String.valueOf(key))));
                }
            } else {
                collect(property, join(path, propertyName(getter)), found);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.");
    }

    private static final Set<String> NOT_PROPERTIES = Set.of("getClass");

    private static boolean isProperty(Method method) {
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && method.getName().startsWith("get") && !NOT_PROPERTIES.contains(method.getName())
                && !method.getReturnType().isPrimitive();
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + ": " + e.getMessage(), e);
        }
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
