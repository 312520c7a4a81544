package org.reportplatform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.reportplatform.launch.ChildProcesses;

/**
 * A PostgreSQL cluster of the fault tests' own (initdb in a temporary directory, on a free port), so that it can
 * crash and start again without touching the server the other tests and {@code bin/platform} use. The server
 * binaries are Debian's ({@code /usr/lib/postgresql/<version>/bin}, the newest) or {@code PG_BINDIR}; as root they
 * run as the {@code postgres} user, because initdb refuses root.
 */
final class PostgresCluster implements AutoCloseable {

    static final String USER = "platform";
    static final String PASSWORD = "platform";

    private final Path bin = serverBinaries();
    private final Path home;
    private final Path data;
    private final int port = ChildProcesses.freePort();
    private final boolean asPostgresUser = "root".equals(System.getProperty("user.name"));

    PostgresCluster() {
        try {
            // a short path: the server's Unix socket lives here, and socket paths are limited to 107 bytes
            home = Files.createTempDirectory("faults-pg");
            data = home.resolve("data");
            if (asPostgresUser) {
                run(List.of("chown", "postgres:", home.toString()), false);
            }
            pg(List.of("initdb", "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the fault tests' PostgreSQL cluster", e);
        }
    }

    int port() {
        return port;
    }

    /** Starts the server and waits until it accepts connections; on the first start, creates the platform's role. */
    void start() {
        pg(List.of("pg_ctl", "-D", data.toString(), "-l", home.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1", "start"));
        execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + USER + "') THEN "
                + "CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'; END IF; END $$");
    }

    /** Stops as a crash would ({@code pg_ctl -m immediate}): no checkpoint, every connection cut, recovery at start. */
    void crash() {
        pg(List.of("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop"));
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on the fault tests' cluster", e);
        }
    }

    private void pg(List<String> command) {
        List<String> withPath = new ArrayList<>(command);
        withPath.set(0, bin.resolve(command.get(0)).toString());
        run(withPath, asPostgresUser);
    }

    private void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("commands.log").toFile())).start();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed; see " + home.resolve("commands.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", full) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path serverBinaries() {
        String configured = System.getenv("PG_BINDIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
                    .max(Comparator.comparingInt(dir -> Integer.parseInt(dir.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("no initdb under /usr/lib/postgresql: install Debian's postgresql or set PG_BINDIR"));
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL server binaries (/usr/lib/postgresql): install Debian's postgresql or set PG_BINDIR", e);
        }
    }

    @Override
    public void close() {
        try {
            pg(List.of("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop"));
        } catch (IllegalStateException alreadyStopped) {
            // crashed and not started again: nothing to stop
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + home + ": " + e.getMessage());
        }
    }
}
