package org.reportplatform.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a service's own configuration says, as the manifests must honour it: its application.properties (the
 * production profile: {@code %test.} lines are left out), the platform's shared contracts properties and its
 * pom.xml (which extensions it uses). Read from the modules' sources, never repeated in the tests.
 */
final class ServiceConfiguration {

    /** The workloads of deploy/ are named after their Maven modules. */
    static final Set<String> SERVICES = Set.of("report-intake", "indicator-service", "dashboard-api");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    final String name;
    private final Properties properties;
    private final String pom;

    private ServiceConfiguration(String name, String applicationProperties, String contractsProperties, String pom) {
        this.name = name;
        this.pom = pom;
        Properties all = new Properties();
        load(all, contractsProperties);
        Properties own = new Properties();
        load(own, applicationProperties);
        own.stringPropertyNames().stream().filter(key -> !key.startsWith("%"))
                .forEach(key -> all.setProperty(key, own.getProperty(key)));
        // %prod. lines win over the plain ones, as at run time
        own.stringPropertyNames().stream().filter(key -> key.startsWith("%prod."))
                .forEach(key -> all.setProperty(key.substring("%prod.".length()), own.getProperty(key)));
        this.properties = all;
    }

    static ServiceConfiguration load(Path repositoryRoot, String module) {
        return of(module,
                read(repositoryRoot.resolve(module).resolve("src/main/resources/application.properties")),
                read(repositoryRoot.resolve("contracts/src/main/resources/META-INF/microprofile-config.properties")),
                read(repositoryRoot.resolve(module).resolve("pom.xml")));
    }

    static ServiceConfiguration of(String name, String applicationProperties, String contractsProperties, String pom) {
        return new ServiceConfiguration(name, applicationProperties, contractsProperties, pom);
    }

    Set<String> keys() {
        return properties.stringPropertyNames();
    }

    /** The value of a key with every {@code ${key}} expanded and every {@code ${ENV:default}} at its default. */
    String value(String key) {
        String value = properties.getProperty(key);
        return value == null ? null : resolve(value);
    }

    private String resolve(String value) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String referenced = properties.getProperty(matcher.group(1));
            String replacement = referenced != null ? resolve(referenced)
                    : matcher.group(2) != null ? matcher.group(2) : "";
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(resolved).toString();
    }

    /** Environment variables the properties read by name: {@code ${DB_HOST:127.0.0.1}} → DB_HOST. */
    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (String key : keys()) {
            Matcher matcher = REFERENCE.matcher(properties.getProperty(key));
            while (matcher.find()) {
                if (ENVIRONMENT_NAME.matcher(matcher.group(1)).matches()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

    /** quarkus.http.port, resolved to its default. */
    int httpPort() {
        return Integer.parseInt(value("quarkus.http.port"));
    }

    boolean usesExtension(String artifactId) {
        return pom.contains("<artifactId>" + artifactId + "</artifactId>");
    }

    /** Topics the service reads through SmallRye Reactive Messaging (dead-letter topics included). */
    Set<String> incomingTopics() {
        return channelTopics("mp.messaging.incoming.");
    }

    /** Topics the service writes through SmallRye Reactive Messaging. */
    Set<String> outgoingTopics() {
        return channelTopics("mp.messaging.outgoing.");
    }

    /** Topics of the Kafka Streams topology (quarkus.kafka-streams.topics: sources and sinks alike). */
    Set<String> streamsTopics() {
        String topics = value("quarkus.kafka-streams.topics");
        return topics == null ? Set.of() : Arrays.stream(topics.split(",")).map(String::trim)
                .filter(topic -> !topic.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Every topic the service names, plus every platform.topics.* of the contracts. */
    Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        topics.addAll(incomingTopics());
        topics.addAll(outgoingTopics());
        topics.addAll(streamsTopics());
        keys().stream().filter(key -> key.startsWith("platform.topics.")).map(this::value).forEach(topics::add);
        return topics;
    }

    /** Consumer groups of the incoming channels. */
    Set<String> consumerGroups() {
        return keys().stream().filter(key -> key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id"))
                .map(this::value).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** quarkus.kafka-streams.application-id: the prefix of the Streams app's group, internal topics and transactions. */
    String streamsApplicationId() {
        return value("quarkus.kafka-streams.application-id");
    }

    private Set<String> channelTopics(String prefix) {
        return keys().stream()
                .filter(key -> key.startsWith(prefix) && (key.endsWith(".topic") || key.endsWith(".dead-letter-queue.topic")))
                .map(this::value)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** MicroProfile's environment variable name of a key: every non-alphanumeric character to _, upper case. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private static void load(Properties properties, String text) {
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
