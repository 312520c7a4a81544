package org.reportplatform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * The three services started from their built apps, as separate JVMs, against the real broker and PostgreSQL that
 * {@code bin/platform infra} runs. Each run has its own topics, databases and Streams application id, so it neither
 * sees nor disturbs a platform running beside it.
 */
final class RunningPlatform implements AutoCloseable {

    private final String runId = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    private final String kafka = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
    private final String dbHost = env("DB_HOST", "127.0.0.1");
    private final String dbPort = env("DB_PORT", "5432");
    private final String dbUser = env("DB_USER", "platform");
    private final String dbPassword = env("DB_PASSWORD", "platform");
    private final Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private final Path logs = root.resolve("platform-tests/target/e2e-logs");
    private final List<Process> processes = new ArrayList<>();
    private final List<String> databases = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private final Map<String, Integer> ports = new HashMap<>();

    /** Signs the tests' tokens; the services hold only the public key, from a file of this run's. */
    private final TokenIssuer tokens;

    final String intake;
    final String dashboard;

    private RunningPlatform() {
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
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "DB_HOST", dbHost, "DB_PORT", dbPort, "DB_USER", dbUser, "DB_PASSWORD", dbPassword,
                "PLATFORM_TOPICS_SUBMISSIONS", submissions,
                "PLATFORM_TOPICS_AGGREGATES", aggregates,
                "PLATFORM_TOPICS_DEAD_LETTERS", deadLetters,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.resolve("publicKey.pem").toString());
        int intakePort = freePort();
        int dashboardPort = freePort();
        start("report-intake", intakePort, shared, Map.of("DB_NAME", database("intake")));
        start("indicator-service", freePort(), shared, Map.of(
                "QUARKUS_KAFKA_STREAMS_APPLICATION_ID", runId + "-indicator-service",
                "KAFKA_STREAMS_STATE_DIR", root.resolve("platform-tests/target/" + runId + "-streams").toString()));
        start("dashboard-api", dashboardPort, shared, Map.of(
                "DB_NAME", database("dashboard"),
                "MP_MESSAGING_INCOMING_AGGREGATES_GROUP_ID", runId + "-dashboard-api",
                "MP_MESSAGING_INCOMING_SUBMISSIONS_GROUP_ID", runId + "-dashboard-api"));
        intake = "http://127.0.0.1:" + intakePort;
        dashboard = "http://127.0.0.1:" + dashboardPort;
    }

    /** A bearer token of this run, for a caller speaking for {@code region} with {@code roles}. */
    String token(String region, Role... roles) {
        return tokens.issue("e2e " + region, region, List.of(roles), Duration.ofHours(1));
    }

    static RunningPlatform start() {
        RunningPlatform platform = new RunningPlatform();
        try {
            platform.awaitReady();
            return platform;
        } catch (RuntimeException | Error e) {
            platform.close();
            throw e;
        }
    }

    private void start(String service, int port, Map<String, String> shared, Map<String, String> own) {
        Path app = root.resolve(service + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(app)) {
            throw new IllegalStateException(app + " is missing: build the services first (mvn package)");
        }
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-jar", app.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(service + ".log").toFile());
            Map<String, String> environment = builder.environment();
            environment.putAll(shared);
            environment.putAll(own);
            environment.put("HTTP_PORT", String.valueOf(port));
            Process process = builder.start();
            processes.add(process);
            ports.put(service, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service, e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        for (var service : ports.entrySet()) {
            URI health = URI.create("http://127.0.0.1:" + service.getValue() + "/q/health/ready");
            while (!isUp(http, health)) {
                if (Instant.now().isAfter(deadline) || processes.stream().anyMatch(p -> !p.isAlive())) {
                    throw new IllegalStateException(service.getKey() + " did not become ready; log:\n" + tail(service.getKey()));
                }
                sleep(250);
            }
        }
    }

    private static boolean isUp(HttpClient http, URI health) {
        try {
            return http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String tail(String service) {
        try {
            List<String> lines = Files.readAllLines(logs.resolve(service + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
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
        String url = "jdbc:postgresql://" + dbHost + ":" + dbPort + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, dbUser, dbPassword);
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
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        databases.forEach(name -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        if (!topics.isEmpty()) {
            try (Admin admin = admin()) {
                admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("could not delete topics " + topics + ": " + e.getMessage());
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
