package org.reportplatform.deploy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which environment variables a service really reads. An environment variable of a container passes when it is
 * <ul>
 *   <li>a placeholder of the service's properties ({@code ${DB_HOST:127.0.0.1}}), or</li>
 *   <li>the MicroProfile environment name of a key the service's properties set, or of a configuration key of
 *       one of its extensions, read from the extension's own {@code @ConfigMapping} interface, or</li>
 *   <li>for a service with the Kafka messaging extension, {@code KAFKA_FOO_BAR} with {@code foo.bar} a Kafka
 *       producer, consumer or admin client setting: Quarkus's default Kafka configuration takes every
 *       {@code kafka*} name, lower-cased, {@code _} to {@code .} (KafkaRuntimeConfigProducer, 3.32.1), or</li>
 *   <li>a MicroProfile JWT key ({@link #MICROPROFILE_JWT}): access control (issue 5) will add SmallRye JWT to the
 *       HTTP services; until then these keys are accepted as real.</li>
 * </ul>
 */
final class ConfigurationKeys {

    /** The MicroProfile JWT 2.1 keys (spec, "Configuration"). */
    static final Set<String> MICROPROFILE_JWT = Set.of(
            "mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location", "mp.jwt.verify.publickey.algorithm",
            "mp.jwt.verify.issuer", "mp.jwt.verify.audiences", "mp.jwt.token.header", "mp.jwt.token.cookie",
            "mp.jwt.decrypt.key.location");

    /** Configuration interfaces of the extensions whose keys deploy/ sets, by the extension's artifactId. */
    private static final Map<String, String> EXTENSION_CONFIG = Map.of(
            "quarkus-kafka-streams", "io.quarkus.kafka.streams.runtime.KafkaStreamsRuntimeConfig");

    private ConfigurationKeys() {
    }

    /** Why {@code variable} is not read by the service, or empty when it is. */
    static Optional<String> problem(ServiceConfiguration service, String variable) {
        if (service.placeholders().contains(variable)) {
            return Optional.empty();
        }
        Set<String> keys = new HashSet<>(service.keys());
        keys.addAll(MICROPROFILE_JWT);
        EXTENSION_CONFIG.forEach((extension, mapping) -> {
            if (service.usesExtension(extension)) {
                keys.addAll(mappingKeys(mapping));
            }
        });
        if (keys.stream().map(ServiceConfiguration::environmentName).anyMatch(variable::equals)) {
            return Optional.empty();
        }
        if (service.usesExtension("quarkus-messaging-kafka") && variable.startsWith("KAFKA_")
                && kafkaClientSettings().contains(variable.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'))) {
            return Optional.empty();
        }
        return Optional.of(service.name + " reads no configuration key for environment variable " + variable);
    }

    static Set<String> kafkaClientSettings() {
        Set<String> names = new HashSet<>(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }

    /** Every key of a SmallRye {@code @ConfigMapping} interface: {@code quarkus.kafka-streams.sasl.jaas-config}, … */
    static Set<String> mappingKeys(String mappingInterface) {
        try {
            Class<?> mapping = Class.forName(mappingInterface);
            Set<String> keys = new HashSet<>();
            collect(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), keys);
            return keys;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(mappingInterface + " is not on the test classpath", e);
        }
    }

    private static void collect(Class<?> mapping, String prefix, Set<String> keys) {
        for (Method method : mapping.getMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String key = method.isAnnotationPresent(WithParentName.class) ? prefix
                    : prefix + "." + (method.isAnnotationPresent(WithName.class)
                            ? method.getAnnotation(WithName.class).value() : kebab(method.getName()));
            Class<?> type = valueType(method.getGenericReturnType());
            if (type.isInterface() && !type.getName().startsWith("java.")) {
                collect(type, key, keys);
            } else {
                keys.add(key);
            }
        }
    }

    /** The type behind Optional: {@code Optional<SaslConfig>} → SaslConfig. */
    private static Class<?> valueType(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Type raw = parameterized.getRawType();
            if (raw == Optional.class && parameterized.getActualTypeArguments()[0] instanceof Class<?> inner) {
                return inner;
            }
            return (Class<?>) raw;
        }
        return type instanceof Class<?> plain ? plain : Object.class;
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
