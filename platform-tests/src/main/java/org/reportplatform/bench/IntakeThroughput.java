package org.reportplatform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.reportplatform.contracts.region.Region;

/**
 * Item 1: submissions per second report-intake accepts (202), with wrk ({@code bin/bench/submissions.lua}) at 1, 2,
 * 4... connections until the rate stops rising; every unit of the country submits with its own reporter token.
 */
final class IntakeThroughput {

    static final String SECTION = "1. Intake throughput";
    private static final int MAX_CONNECTIONS = 128;

    private final Settings settings;
    private final Wrk wrk;
    private final Path templates;
    private Sweep.Outcome sweep;

    IntakeThroughput(Settings settings, Map<Region, String> bodies, Map<Region, String> tokens) throws IOException {
        this.settings = settings;
        this.wrk = new Wrk(settings.wrk(), settings.scripts());
        this.templates = settings.work().resolve("submission-templates.tsv");
        List<String> lines = new ArrayList<>();
        bodies.forEach((unit, body) -> lines.add(tokens.get(unit) + "\t" + body));
        Files.write(templates, lines);
    }

    /** Warms up, sweeps, and answers the number of connections with the highest rate. */
    int sweep() throws Exception {
        Log.step(SECTION, "warm-up, %d s at 8 connections".formatted(settings.warmUp().toSeconds()));
        run(8, settings.warmUp());
        sweep = Sweep.run(SECTION, "submissions/s", MAX_CONNECTIONS, connections -> {
            Wrk.Result result = run(connections, settings.run());
            if (result.errors() > 0) {
                Log.step(SECTION, result.errors() + " errors at " + connections + " connections");
            }
            return result.goodPerSecond();
        });
        return sweep.best();
    }

    String sweepSummary() {
        return String.join(", ", IntStream.range(0, sweep.levels().size())
                .mapToObj(i -> sweep.levels().get(i) + " → " + Report.number(sweep.rates().get(i))).toList());
    }

    Wrk.Result run(int connections) throws Exception {
        return run(connections, settings.run());
    }

    private Wrk.Result run(int connections, Duration length) throws Exception {
        return wrk.run("submissions.lua", settings.intake(), connections, length, List.of(),
                Map.of("BENCH_TEMPLATES", templates.toString(),
                        "BENCH_FIRST_YEAR", Integer.toString(BenchSubmissions.FIRST_YEAR),
                        "BENCH_LAST_YEAR", Integer.toString(BenchSubmissions.LAST_YEAR),
                        "BENCH_RUN", "bench-" + System.nanoTime()));
    }
}
