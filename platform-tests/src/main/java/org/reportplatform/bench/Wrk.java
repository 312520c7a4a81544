package org.reportplatform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs wrk (the load generator) with one of the Lua scripts in {@code bin/bench/}; every script ends with
 * {@code report.lua}'s summary, one line {@code BENCH {json}}, read here.
 */
final class Wrk {

    /** What one wrk run measured. {@code good} counts the answers the script calls good (202 for submissions, 2xx else). */
    record Result(long requests, long good, long held, long errors, double seconds, double p50Ms, double p99Ms) {
        double goodPerSecond() {
            return good / seconds;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path wrk;
    private final Path scripts;

    Wrk(Path wrk, Path scripts) {
        this.wrk = wrk;
        this.scripts = scripts;
    }

    Result run(String script, String url, int connections, Duration duration, List<String> headers, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(wrk.toString(), "-t", Integer.toString(Math.min(2, connections)),
                "-c", Integer.toString(connections), "-d", duration.toSeconds() + "s", "--timeout", "30s",
                "-s", scripts.resolve(script).toString()));
        headers.forEach(header -> command.addAll(List.of("-H", header)));
        command.add(url);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        String line = output.lines().filter(l -> l.startsWith("BENCH ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no summary: " + output));
        JsonNode s = JSON.readTree(line.substring("BENCH ".length()));
        return new Result(s.get("requests").asLong(), s.get("good").asLong(), s.get("held").asLong(), s.get("errors").asLong(),
                s.get("durationUs").asDouble() / 1e6, s.get("p50Us").asDouble() / 1e3, s.get("p99Us").asDouble() / 1e3);
    }
}
