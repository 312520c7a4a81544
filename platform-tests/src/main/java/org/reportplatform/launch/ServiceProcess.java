package org.reportplatform.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of the services, started from its built app ({@code <module>/target/quarkus-app/quarkus-run.jar}) as a JVM of
 * its own with the platform's JVM settings ({@link JvmSettings}), on a free port that it keeps across restarts, with
 * the environment it is given. Each start writes its own log, so a restarted service's log does not overwrite the one
 * that shows why it went down.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path root;
    private final String name;
    private final Map<String, String> environment;
    private final JvmSettings jvm;
    private final Path logs;
    private final String logPrefix;
    private final int port = ChildProcesses.freePort();
    private Process process;
    private int starts;

    /**
     * @param root      the repository root
     * @param name      the service's module, e.g. {@code dashboard-api}
     * @param logPrefix prefixes the service's log files in {@code logs}
     */
    public ServiceProcess(Path root, String name, Map<String, String> environment, Path logs, String logPrefix) {
        this.root = root;
        this.name = name;
        this.environment = Map.copyOf(environment);
        this.jvm = JvmSettings.load(root);
        this.logs = logs;
        this.logPrefix = logPrefix;
    }

    public void start() {
        Path app = root.resolve(name + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(app)) {
            throw new IllegalStateException(app + " is missing: build the services first (mvn package)");
        }
        try {
            Files.createDirectories(logs);
            starts++;
            process = processBuilder(app).redirectErrorStream(true).redirectOutput(log().toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The command and environment of a start: the JVM settings first, then what the caller gave, then the port. */
    ProcessBuilder processBuilder(Path app) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvm.options(name));
        command.addAll(List.of("-jar", app.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(jvm.environment());
        builder.environment().putAll(environment);
        builder.environment().put("HTTP_PORT", String.valueOf(port));
        return builder;
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the end of the log if the service exits or the time is up. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!isReady()) {
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                throw new IllegalStateException(name + " did not become ready; log " + log() + ":\n" + tail());
            }
            ChildProcesses.sleep(Duration.ofMillis(250));
        }
    }

    public boolean isReady() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: the service dies as in a crash, with no shutdown hook, its work in flight cut off. */
    public void kill() {
        ChildProcesses.kill(process);
    }

    /** SIGTERM, then SIGKILL after {@code grace}; nothing if it never started. */
    public void stop(Duration grace) {
        if (process != null) {
            ChildProcesses.stop(process, grace);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return logs.resolve(logPrefix + name + (starts > 1 ? "-" + starts : "") + ".log");
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
