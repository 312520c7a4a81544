package org.reportplatform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionRegistry;

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

    IntakeThroughput(Settings settings, RegionRegistry regions, Map<Region, String> bodies, Map<Region, String> tokens)
            throws IOException {
        this.settings = settings;
        this.wrk = new Wrk(settings.wrk(), settings.scripts());
        this.templates = settings.work().resolve("submission-templates.tsv");
        List<String> lines = new ArrayList<>();
        bodies.forEach((unit, body) -> {
            // a unit reports only for the years its code was in use: any other year is refused, not a submission
            String years = IntStream.rangeClosed(BenchSubmissions.FIRST_YEAR, BenchSubmissions.LAST_YEAR)
                    .filter(year -> regions.isValidIn(unit.code(), PeriodCode.of(Integer.toString(year))))
                    .mapToObj(Integer::toString).collect(Collectors.joining(","));
            if (!years.isEmpty()) {
                lines.add(tokens.get(unit) + "\t" + years + "\t" + body);
            }
        });
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
                Map.of("BENCH_TEMPLATES", templates.toString(), "BENCH_RUN", "bench-" + System.nanoTime()));
    }
}
