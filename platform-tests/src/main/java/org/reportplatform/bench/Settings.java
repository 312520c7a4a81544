package org.reportplatform.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.access.TokenIssuer;

/**
 * Where the running platform is and how long to measure, from {@code bin/platform bench}'s options: every address,
 * topic and database name comes from bin/platform, which knows them; nothing is repeated here.
 */
record Settings(
        Path root,
        String intake,
        String dashboard,
        TokenIssuer tokens,
        Path publicKey,
        String kafka,
        int partitions,
        String submissionsTopic,
        String aggregatesTopic,
        String streamsApplicationId,
        String dashboardGroup,
        String dbHost,
        String dbPort,
        String dbUser,
        String dbPassword,
        String intakeDb,
        String dashboardDb,
        Map<String, Long> servicePids,
        Path wrk,
        Path scripts,
        Path work,
        boolean quick,
        double scale,
        /** The national replay's time limit; zero: none, it is measured to the end. */
        Duration scaleTimeout) {

    /** Seconds of one measured run; warm-up before each series of runs. */
    Duration run() {
        return Duration.ofSeconds(quick ? 4 : 10);
    }

    Duration warmUp() {
        return Duration.ofSeconds(quick ? 2 : 5);
    }

    int repetitions() {
        return quick ? 1 : 3;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + database;
    }

    String token(String region, Role... roles) {
        return tokens.issue("bench " + region, region, List.of(roles), Duration.ofHours(3));
    }

    static Settings parse(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            o.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        Map<String, Long> pids = new HashMap<>();
        for (String entry : o.getOrDefault("pids", "").split(",")) {
            if (entry.contains("=")) {
                pids.put(entry.substring(0, entry.indexOf('=')), Long.parseLong(entry.substring(entry.indexOf('=') + 1)));
            }
        }
        return new Settings(
                Path.of(required(o, "root")),
                required(o, "intake"),
                required(o, "dashboard"),
                TokenIssuer.fromPem(Path.of(required(o, "key"))),
                Path.of(required(o, "key")).resolveSibling("publicKey.pem"),
                required(o, "kafka"),
                Integer.parseInt(required(o, "partitions")),
                required(o, "submissions-topic"),
                required(o, "aggregates-topic"),
                required(o, "streams-application-id"),
                required(o, "dashboard-group"),
                required(o, "db-host"),
                required(o, "db-port"),
                required(o, "db-user"),
                required(o, "db-password"),
                required(o, "intake-db"),
                required(o, "dashboard-db"),
                pids,
                Path.of(required(o, "wrk")),
                Path.of(required(o, "scripts")),
                Path.of(required(o, "work")),
                Boolean.parseBoolean(o.getOrDefault("quick", "false")),
                Double.parseDouble(o.getOrDefault("scale", "1")),
                Duration.ofMinutes(Long.parseLong(o.getOrDefault("scale-timeout-minutes", "0"))));
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required (bin/platform bench passes it)");
        }
        return value;
    }
}
