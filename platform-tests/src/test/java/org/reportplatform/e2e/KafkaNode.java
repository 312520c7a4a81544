package org.reportplatform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.reportplatform.launch.ChildProcesses;

/**
 * A single-node KRaft broker of the fault tests' own, in its own JVM, so that it can be stopped and started again
 * without disturbing the broker of {@code bin/platform}. It runs from the jars {@code bin/platform} fetches
 * ({@code .platform/kafka/lib}) with the project's broker configuration template, on free ports; its log directory
 * survives a restart, as a real broker's disk does.
 */
final class KafkaNode implements AutoCloseable {

    private final Path root;
    private final Path home;
    private final Path lib;
    private final Path config;
    private final int port = ChildProcesses.freePort();
    private Process process;
    private int starts;

    KafkaNode(Path root, Path home) {
        this.root = root;
        this.home = home;
        this.lib = Path.of(System.getProperty("platform.kafka.lib", root.resolve(".platform/kafka/lib").toString()));
        this.config = home.resolve("server.properties");
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Formats the log directory on first start, then starts the broker and waits until it answers. */
    void start() {
        try {
            if (starts == 0) {
                if (!Files.isDirectory(lib)) {
                    throw new IllegalStateException(lib + " is missing: `bin/platform infra` fetches the Kafka jars");
                }
                Files.createDirectories(home);
                writeConfig();
                run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                        home.resolve("format.log"));
            }
            starts++;
            process = java(List.of("kafka.Kafka", config.toString()))
                    .redirectOutput(home.resolve("broker-" + starts + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fault tests' broker", e);
        }
        awaitAnswering();
    }

    /** A clean shutdown, as an operator's restart. */
    void stop() {
        ChildProcesses.stop(process, Duration.ofSeconds(30));
    }

    private void writeConfig() throws IOException {
        String text = Files.readString(root.resolve("bin/kafka/server.properties.template"))
                .replace("@KAFKA_HOST@", "127.0.0.1")
                .replace("@KAFKA_PORT@", String.valueOf(port))
                .replace("@KAFKA_CONTROLLER_PORT@", String.valueOf(ChildProcesses.freePort()))
                .replace("@KAFKA_DATA_DIR@", home.resolve("data").toString());
        Files.writeString(config, text);
    }

    private ProcessBuilder java(List<String> mainAndArguments) {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m",
                "-Dlog4j2.configurationFile=" + root.resolve("bin/kafka/log4j2.xml"),
                "-Dplatform.kafka.log.level=INFO", "-cp", lib + "/*"));
        command.addAll(mainAndArguments);
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private void run(List<String> mainAndArguments, Path log) throws IOException {
        Process tool = java(mainAndArguments).redirectOutput(log.toFile()).start();
        try {
            if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
                throw new IllegalStateException(mainAndArguments.get(0) + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitAnswering() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(properties)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the fault tests' broker exited; see " + home);
                }
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("the fault tests' broker did not answer in 60 s; see " + home, notYet);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        if (process != null) {
            ChildProcesses.stop(process, Duration.ofSeconds(30));
        }
    }
}
