package org.reportplatform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.access.TokenIssuer;
import org.reportplatform.launch.ServiceProcess;

/**
 * The three services started from their built apps, as separate JVMs, against a real broker and PostgreSQL: by
 * default those {@code bin/platform infra} runs. Each run has its own topics, databases and Streams application id,
 * so it neither sees nor disturbs a platform running beside it. A service can be killed and started again on the
 * same port, with the same state directory, as an operator's restart would.
 */
final class RunningPlatform implements AutoCloseable {

    static final String INTAKE = "report-intake";
    static final String INDICATOR_SERVICE = "indicator-service";
    static final String DASHBOARD = "dashboard-api";

    /** Where the broker and the database server are. */
    record Infrastructure(String kafkaBootstrapServers, String dbHost, String dbPort, String dbUser, String dbPassword) {

        /** The broker and server of {@code bin/platform infra}, as {@code bin/platform test} exports them. */
        static Infrastructure shared() {
            return new Infrastructure(env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"), env("DB_HOST", "127.0.0.1"),
                    env("DB_PORT", "5432"), env("DB_USER", "platform"), env("DB_PASSWORD", "platform"));
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final String runId = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    private final Infrastructure infrastructure;
    private final String kafka;
    private final Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private final Path logs = root.resolve("platform-tests/target/e2e-logs");
    private final List<String> databases = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    /** In start order. */
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    /** Signs the tests' tokens; the services hold only the public key, from a file of this run's. */
    private final TokenIssuer tokens;

    final String intake;
    final String dashboard;

    private RunningPlatform(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
        this.kafka = infrastructure.kafkaBootstrapServers();
        Path keys = root.resolve("platform-tests/target/" + runId + "-jwt");
        try {
            TokenIssuer.writePem(TokenIssuer.newKeyPair(), keys);
            tokens = TokenIssuer.fromPem(keys.resolve("privateKey.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write this run's key pair", e);
        }
        String submissions = topic("report-submissions", TopicConfig.CLEANUP_POLICY_DELETE);
        String aggregates = topic("indicator-aggregates", TopicConfig.CLEANUP_POLICY_COMPACT);
        String deadLetters = topic("report-submissions-dlq", TopicConfig.CLEANUP_POLICY_DELETE);
        Map<String, String> shared = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka, "DB_HOST", infrastructure.dbHost(), "DB_PORT", infrastructure.dbPort(),
                "DB_USER", infrastructure.dbUser(), "DB_PASSWORD", infrastructure.dbPassword(),
                "PLATFORM_TOPICS_SUBMISSIONS", submissions,
                "PLATFORM_TOPICS_AGGREGATES", aggregates,
                "PLATFORM_TOPICS_DEAD_LETTERS", deadLetters,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.resolve("publicKey.pem").toString());
        define(INTAKE, shared, Map.of("DB_NAME", database("intake")));
        define(INDICATOR_SERVICE, shared, Map.of(
                "QUARKUS_KAFKA_STREAMS_APPLICATION_ID", runId + "-indicator-service",
                "KAFKA_STREAMS_STATE_DIR", root.resolve("platform-tests/target/" + runId + "-streams").toString()));
        define(DASHBOARD, shared, Map.of(
                "DB_NAME", database("dashboard"),
                "MP_MESSAGING_INCOMING_AGGREGATES_GROUP_ID", runId + "-dashboard-api",
                "MP_MESSAGING_INCOMING_SUBMISSIONS_GROUP_ID", runId + "-dashboard-api"));
        intake = services.get(INTAKE).baseUrl();
        dashboard = services.get(DASHBOARD).baseUrl();
    }

    /** A bearer token of this run, for a caller speaking for {@code region} with {@code roles}. */
    String token(String region, Role... roles) {
        return tokens.issue("e2e " + region, region, List.of(roles), Duration.ofHours(1));
    }

    /** The platform on the broker and server of {@code bin/platform infra}. */
    static RunningPlatform start() {
        return start(Infrastructure.shared());
    }

    static RunningPlatform start(Infrastructure infrastructure) {
        RunningPlatform platform = new RunningPlatform(infrastructure);
        try {
            platform.services.values().forEach(ServiceProcess::start);
            platform.services.values().forEach(service -> service.awaitReady(READY_TIMEOUT));
            return platform;
        } catch (RuntimeException | Error e) {
            platform.close();
            throw e;
        }
    }

    /** SIGKILL: the service dies as in a crash, with no shutdown hook, its work in flight cut off. */
    void kill(String service) {
        services.get(service).kill();
    }

    /** Starts a stopped or killed service again, on the same port with the same settings, and waits until ready. */
    void restart(String service) {
        services.get(service).start();
        services.get(service).awaitReady(READY_TIMEOUT);
    }

    /** A POST of JSON with a bearer token. */
    HttpResponse<String> post(String url, String json, String token) throws IOException, InterruptedException {
        return post(url, json, token, null);
    }

    /** A JSON POST with a bearer token, asking for answers in {@code language} (an Accept-Language) unless null. */
    HttpResponse<String> post(String url, String json, String token, String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with a bearer token. */
    HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void define(String service, Map<String, String> shared, Map<String, String> own) {
        Map<String, String> environment = new HashMap<>(shared);
        environment.putAll(own);
        services.put(service, new ServiceProcess(root, service, environment, logs, runId + "-"));
    }

    private String topic(String name, String cleanupPolicy) {
        String topic = runId + "-" + name;
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy)))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic + " on " + kafka + " (is `bin/platform infra` running?)", e);
        }
        topics.add(topic);
        return topic;
    }

    private String database(String service) {
        String name = (runId + "_" + service).replace('-', '_');
        execute("CREATE DATABASE " + name);
        databases.add(name);
        return name;
    }

    private void execute(String sql) {
        String url = "jdbc:postgresql://" + infrastructure.dbHost() + ":" + infrastructure.dbPort() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, infrastructure.dbUser(), infrastructure.dbPassword());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + url, e);
        }
    }

    private Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        return Admin.create(config);
    }

    @Override
    public void close() {
        services.values().forEach(service -> service.stop(Duration.ofSeconds(20)));
        try {
            databases.forEach(name -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        } catch (IllegalStateException e) {
            System.err.println("could not drop databases " + databases + ": " + e.getMessage());
        }
        if (!topics.isEmpty()) {
            try (Admin admin = admin()) {
                admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("could not delete topics " + topics + ": " + e.getMessage());
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
