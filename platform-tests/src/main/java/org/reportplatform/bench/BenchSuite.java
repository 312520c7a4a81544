package org.reportplatform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.AppInfoParser;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * The benchmark suite against the running platform ({@code bin/platform bench}, docs/adr/0015): measures, prints
 * progress, writes BENCHMARKS.md and BENCHMARKS.json. It prints figures; it never fails because one is poor.
 *
 * <p>Measurements that load the pipeline run after those that need it idle: freshness, the burst and queries first,
 * then the national replay (its own services), then intake's throughput and the limits beside it, and last the
 * services' memory after all that load. Freshness and the burst also print what each stage cost per submission
 * ({@link StageMeter}); figures that issue 14 sets a floor and a goal for are judged against them ({@link Target}).
 */
public final class BenchSuite {

    private static final String NARRATIVE = "6. Narrative reading";
    private static final String FRESHNESS = "3. Freshness";
    private static final String BURST = "7. Burst of full forms";
    private static final String MEMORY = "8. Memory after the load";
    private static final int[] FRESHNESS_RATES = {100, 200};
    /** Periods of the counting loads: bench years (BenchSubmissions), one each so that the loads do not meet. */
    private static final List<PeriodCode> FRESHNESS_PERIODS = List.of(PeriodCode.of("2015"), PeriodCode.of("2016"));
    private static final PeriodCode BURST_PERIOD = PeriodCode.of("2017");
    private static final int BURST_REVISIONS = 5;
    private static final int BURST_CONNECTIONS = 8;
    private static final Duration DRAIN = Duration.ofSeconds(120);
    private static final Pattern EXTRACTION = Pattern.compile("throughput: median (\\d+) chars/s .*, p99 (\\d+) chars/s");

    private final Settings settings;
    private final Catalogue catalogue = Catalogue.load();
    private final RegionRegistry regions = RegionRegistry.load();
    private final BenchSubmissions submissions = new BenchSubmissions(catalogue);
    private final List<Region> units = new ArrayList<>();
    private final Map<Region, String> templates = new LinkedHashMap<>();
    private final Map<Region, String> tokens = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Pipeline pipeline;
    private final StageMeter meter;
    private CountingLoad counting;

    private BenchSuite(Settings settings) {
        this.settings = settings;
        this.pipeline = new Pipeline(settings);
        this.meter = new StageMeter(settings);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Files.createDirectories(settings.work());
        new BenchSuite(settings).runAll(args);
    }

    private void runAll(String[] args) throws Exception {
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        Map<String, String> machine = Machine.describe(Map.of(
                "PostgreSQL", postgresVersion(),
                "Kafka", "broker " + brokerVersion() + ", client " + AppInfoParser.getVersion(),
                "load generator", "wrk " + option(args, "wrk-version")));
        Log.step("bench", "%s run; every unit's template and token".formatted(settings.quick() ? "quick" : "full"));
        for (int province = 11; province <= 82; province++) {
            units.addAll(regions.reportingUnitsUnder(RegionCode.of(province + "0000")));
        }
        for (Region unit : units) {
            templates.put(unit, submissions.requestTemplate(unit));
            tokens.put(unit, settings.token(unit.code().value(), Role.REPORTER));
        }
        counting = new CountingLoad(settings, regions, submissions);
        counting.listen();
        Thread.sleep(2000);   // the stream is open before the first submission
        if (settings.quick()) {
            notes.add("quick run: narrative reading and the national replay are not measured; one run of each figure");
        } else {
            measure(NARRATIVE, () -> extraction(Path.of(option(args, "extraction-output"))));
        }
        measure(FRESHNESS, this::freshness);
        measure(BURST, this::burst);
        measure(QueryLatency.SECTION, this::queries);
        if (!settings.quick()) {
            measure(NationalReplay.SECTION, this::nationalScale);
        }
        measure(IntakeThroughput.SECTION, this::intakeAndLimits);
        measure(MEMORY, this::memory);
        machine.put("load average at end", Processes.loadAverage());
        Report.write(settings.root().resolve("BENCHMARKS.md"), settings.root().resolve("BENCHMARKS.json"),
                new Report.Contents(started, settings.quick() ? "quick" : "full", option(args, "commit"), machine, figures, notes));
        Log.step("bench", "wrote BENCHMARKS.md and BENCHMARKS.json");
    }

    private interface Measurement {
        void run() throws Exception;
    }

    /** A measurement that fails is reported as such; the others' figures are still written. */
    private void measure(String section, Measurement measurement) {
        try {
            measurement.run();
        } catch (Exception e) {
            Log.step(section, "failed: " + e);
            e.printStackTrace();
            notes.add(section + ": the measurement failed (" + e + "); its figures are missing");
        }
    }

    // ---- 6: narrative reading, measured by ExtractionThroughput before this JVM started ----------------------------
    private void extraction(Path output) throws Exception {
        String section = NARRATIVE;
        String text = Files.readString(output);
        Matcher m = EXTRACTION.matcher(text);
        if (!m.find()) {
            notes.add("narrative reading: ExtractionThroughput printed no throughput line; its output is in " + output);
            return;
        }
        String runs = text.lines().filter(line -> line.startsWith("text:")).findFirst().orElse("");
        figures.add(Figure.summarised(section, "extraction pipeline, seed documents, one thread", "chars/s",
                Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), "ExtractionThroughput: " + runs));
    }

    // ---- 3 ----------------------------------------------------------------------------------------------------------
    private void freshness() throws Exception {
        pipeline.awaitIdle(FRESHNESS);
        Log.step(FRESHNESS, "every unit of %s sends %d for %s".formatted(CountingLoad.PROVINCE, CountingLoad.BASE, FRESHNESS_PERIODS));
        counting.prime(FRESHNESS_PERIODS, CountingLoad.Form.SHORT);
        Log.step(FRESHNESS, "warm-up at 50/s");
        counting.steady(50, settings.warmUp(), FRESHNESS_PERIODS, DRAIN);
        for (int rate : FRESHNESS_RATES) {
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<StageMeter.Cost> costs = new ArrayList<>();
            long sent = 0;
            long notApplied = 0;
            long skipped = 0;
            long refused = 0;
            for (int i = 0; i < settings.repetitions(); i++) {
                pipeline.awaitIdle(FRESHNESS);
                CountingLoad.Run run;
                try (StageMeter.Measuring measuring = meter.start()) {
                    run = counting.steady(rate, settings.run(), FRESHNESS_PERIODS, DRAIN);
                    costs.add(measuring.stop(run.accepted()));
                }
                p50.add(run.percentileMs(0.5));
                p99.add(run.percentileMs(0.99));
                sent += run.sent();
                notApplied += run.notApplied();
                skipped += run.skipped();
                refused += run.refused();
                Log.step(FRESHNESS, "%d/s run %d: p50 %.0f ms, p99 %.0f ms (%d sent, %d accepted, %d not counted within %d s, %d not accepted); %s"
                        .formatted(rate, i + 1, run.percentileMs(0.5), run.percentileMs(0.99), run.sent(), run.accepted(),
                                run.notApplied(), DRAIN.toSeconds(), run.refused(), costs.get(i).conditions()));
            }
            String load = "%d/s of %d-value forms".formatted(rate, BenchSubmissions.VALUES);
            double achieved = sent / (double) (settings.repetitions() * settings.run().toSeconds());
            String note = ("counted on %s's figure of %s for %s; %d sent (%.0f/s achieved), %d not counted within %d s, %d not accepted, "
                    + "%d ticks skipped (every series in flight, or the client late); %s")
                    .formatted(CountingLoad.PROVINCE, BenchSubmissions.TRACKED, FRESHNESS_PERIODS, sent, achieved, notApplied, DRAIN.toSeconds(),
                            refused, skipped, costs.get(costs.size() - 1).conditions());
            figures.add(Figure.latency(FRESHNESS, "202 → province figure on the live stream, p50, at " + load, p50, note));
            figures.add(Figure.latency(FRESHNESS, "202 → province figure on the live stream, p99, at " + load, p99, "")
                    .against(rate == 100 ? Target.atMost(1000, 500) : Target.atMost(2000, 1000)));
            stageFigures(FRESHNESS, "at " + load, costs, null);
        }
    }

    // ---- 7 ----------------------------------------------------------------------------------------------------------
    private void burst() throws Exception {
        pipeline.awaitIdle(BURST);
        Log.step(BURST, "every unit of %s sends a whole form with %d for %s".formatted(CountingLoad.PROVINCE, CountingLoad.BASE, BURST_PERIOD));
        counting.prime(List.of(BURST_PERIOD), CountingLoad.Form.WHOLE);
        List<Double> rates = new ArrayList<>();
        List<Double> complete = new ArrayList<>();
        List<StageMeter.Cost> costs = new ArrayList<>();
        for (int i = 0; i < settings.repetitions(); i++) {
            pipeline.awaitIdle(BURST);
            CountingLoad.Burst burst;
            try (StageMeter.Measuring measuring = meter.start()) {
                burst = counting.burst(BURST_PERIOD, BURST_REVISIONS, BURST_CONNECTIONS, DRAIN);
                costs.add(measuring.stop(burst.accepted()));
            }
            rates.add(burst.perSecond());
            complete.add(burst.completeAfterLastMs());
            Log.step(BURST, "run %d: %d of %d accepted at %.0f/s; province figure complete %.0f ms after the last 202%s; %s".formatted(i + 1,
                    burst.accepted(), burst.sent(), burst.perSecond(), burst.completeAfterLastMs(),
                    burst.complete() ? "" : " (NOT complete within " + DRAIN.toSeconds() + " s)", costs.get(i).conditions()));
        }
        String what = "%d units of %s × %d revisions of the whole %s, %d connections".formatted(counting.units(BURST_PERIOD).size(), CountingLoad.PROVINCE,
                BURST_REVISIONS, BenchSubmissions.FORM, BURST_CONNECTIONS);
        figures.add(Figure.rate(BURST, "submissions accepted (202) per second", "submissions/s", rates, what + "; "
                + costs.get(costs.size() - 1).conditions()).against(Target.atLeast(100, 200)));
        figures.add(Figure.latency(BURST, "last 202 → province figure complete on the live stream", complete,
                "counted on the figure of " + BenchSubmissions.TRACKED + "; – when not complete within " + DRAIN.toSeconds() + " s")
                .against(Target.atMost(1000, 500)));
        stageFigures(BURST, "per whole form", costs, Target.atMost(20, 10));
    }

    /** CPU-ms and records per accepted submission of each stage, lag and idle CPU beside them (PERFORMANCE.md §4). */
    private void stageFigures(String section, String load, List<StageMeter.Cost> costs, Target total) {
        StageMeter.Cost last = costs.get(costs.size() - 1);
        String conditions = last.conditions();
        for (String stage : last.cpuMsPerSubmission().keySet()) {
            figures.add(Figure.cost(section, "CPU per accepted submission, " + load + ": " + stage, "ms",
                    costs.stream().map(cost -> cost.cpuMsPerSubmission().get(stage)).toList(), conditions));
        }
        Figure sum = Figure.cost(section, "CPU per accepted submission, " + load + ": all stages together", "ms",
                costs.stream().map(cost -> cost.cpuMsPerSubmission().values().stream().mapToDouble(Double::doubleValue).sum()).toList(),
                "the stages above; Kafka and PostgreSQL are the machine's, shared with any other work; " + conditions);
        figures.add(total == null ? sum : sum.against(total));
        for (String topic : last.recordsPerSubmission().keySet()) {
            figures.add(Figure.cost(section, "records per accepted submission, " + load + ": " + topic, "records",
                    costs.stream().map(cost -> cost.recordsPerSubmission().getOrDefault(topic, Double.NaN)).toList(),
                    "committed records (read_committed), end offsets before and after"));
        }
        notes.add("%s, %s: consumer lag every 0.5 s, last run: %s".formatted(section, load, last.lagSeries()));
    }

    // ---- 8 ----------------------------------------------------------------------------------------------------------
    private void memory() {
        settings.servicePids().forEach((service, pid) -> {
            HeapInfo heap = HeapInfo.of(pid);
            String heapNote = heap == null ? "jcmd could not attach" : "heap used %.0f MiB of %.0f MiB committed (jcmd GC.heap_info)"
                    .formatted(heap.usedKib() / 1024.0, heap.committedKib() / 1024.0);
            double rss = Machine.rssKib(pid) / 1024.0;
            Log.step(MEMORY, "%s: VmRSS %.0f MiB, %s".formatted(service, rss, heapNote));
            figures.add(Figure.summarised(MEMORY, "RSS of " + service + " after the load", "MiB", rss, rss, "VmRSS from /proc; " + heapNote)
                    .against(Target.atMost(300, 200)));
        });
    }

    // ---- 4 ----------------------------------------------------------------------------------------------------------
    private void queries() throws Exception {
        pipeline.awaitIdle(QueryLatency.SECTION);
        QueryLatency queries = new QueryLatency(settings);
        notes.add("queries: province 360000, indicator %s, over %s county values in intake's database; %d concurrent clients"
                .formatted(BenchSubmissions.TRACKED, count("SELECT count(*) FROM submission_value"), QueryLatency.CONCURRENCY));
        for (QueryLatency.Query query : QueryLatency.QUERIES) {
            Log.step(QueryLatency.SECTION, query.name() + ": warm-up");
            queries.api(query, settings.warmUp());
            queries.sql(query, settings.warmUp());
            List<QueryLatency.Run> api = new ArrayList<>();
            List<QueryLatency.Run> sql = new ArrayList<>();
            for (int i = 0; i < settings.repetitions(); i++) {
                api.add(queries.api(query, settings.run()));
                sql.add(queries.sql(query, settings.run()));
                Log.step(QueryLatency.SECTION, "%s run %d: dashboard-api %.0f/s p50 %.1f ms; GROUP BY %.0f/s p50 %.1f ms".formatted(
                        query.name(), i + 1, api.get(i).perSecond(), api.get(i).p50Ms(), sql.get(i).perSecond(), sql.get(i).p50Ms()));
            }
            String s = QueryLatency.SECTION;
            String n = query.name();
            figures.add(Figure.rate(s, n + ": dashboard-api", "requests/s", api.stream().map(QueryLatency.Run::perSecond).toList(), query.path()));
            figures.add(Figure.latency(s, n + ": dashboard-api p50", api.stream().map(QueryLatency.Run::p50Ms).toList(), ""));
            figures.add(Figure.latency(s, n + ": dashboard-api p99", api.stream().map(QueryLatency.Run::p99Ms).toList(), "")
                    .against(Target.atMost(20, 5)));
            figures.add(Figure.rate(s, n + ": GROUP BY over raw values", "queries/s", sql.stream().map(QueryLatency.Run::perSecond).toList(), "JDBC, intake's database"));
            figures.add(Figure.latency(s, n + ": GROUP BY p50", sql.stream().map(QueryLatency.Run::p50Ms).toList(), ""));
            figures.add(Figure.latency(s, n + ": GROUP BY p99", sql.stream().map(QueryLatency.Run::p99Ms).toList(), ""));
            figures.add(Figure.rate(s, n + ": dashboard-api ÷ GROUP BY, throughput", "×",
                    ratios(api.stream().map(QueryLatency.Run::perSecond).toList(), sql.stream().map(QueryLatency.Run::perSecond).toList()), "above 1: the read model answers more")
                    .against(Target.atLeast(10, 30)));
        }
    }

    // ---- 5 ----------------------------------------------------------------------------------------------------------
    private void nationalScale() throws Exception {
        pipeline.awaitIdle(NationalReplay.SECTION);
        NationalReplay.Outcome outcome = new NationalReplay(settings, catalogue, submissions, units).measure();
        String s = NationalReplay.SECTION;
        String what = "%d units × %s × %d periods = %d submissions, %d values".formatted(outcome.units(),
                NationalReplay.FORMS, NationalReplay.PERIODS.size(), outcome.events(), outcome.values());
        String extent = outcome.complete() ? "complete" : "%s: %.1f%% of the figures' unit counts".formatted(outcome.ending(), 100 * outcome.fraction());
        Figure replay = Figure.summarised(s, "replay from scratch until every figure is served", "s", outcome.seconds(), outcome.seconds(),
                "one run (scale %s); %s; %s".formatted(settings.scale(), what, extent));
        figures.add(outcome.complete() && settings.scale() >= 1 ? replay.against(Target.atMost(180, 60)) : replay);
        double valuesPerSecond = outcome.values() * outcome.fraction() / outcome.seconds();
        figures.add(Figure.summarised(s, "values applied per second", "values/s", valuesPerSecond, valuesPerSecond,
                "county values × their share of the served figures ÷ time"));
        if (!outcome.complete() || settings.scale() < 1) {
            long nationalValues = (long) (outcome.values() / ((double) outcome.units() / units.size()));
            double extrapolated = nationalValues / valuesPerSecond;
            figures.add(Figure.summarised(s, "the whole country at that rate (extrapolated)", "s", extrapolated, extrapolated,
                    "%d values ÷ the rate above; not measured".formatted(nationalValues)));
        }
        outcome.rssKib().forEach((service, kib) -> figures.add(Figure.summarised(s, "RSS at the end: " + service, "MiB",
                kib / 1024.0, kib / 1024.0, "VmRSS from /proc")));
    }

    // ---- 1 and 2 ----------------------------------------------------------------------------------------------------
    private void intakeAndLimits() throws Exception {
        pipeline.awaitIdle(IntakeThroughput.SECTION);
        IntakeThroughput intake = new IntakeThroughput(settings, regions, templates, tokens);
        WriteLimits limits = new WriteLimits(settings, submissions, units);
        int connections = intake.sweep();
        limits.createDatabase();
        try {
            Log.step(WriteLimits.SECTION, "PostgreSQL, plain JDBC: warm-up, then concurrency sweep");
            limits.jdbcRate(4);
            int jdbcThreads = Sweep.run(WriteLimits.SECTION, "submissions/s committed", WriteLimits.MAX_CONNECTIONS, limits::jdbcRate).best();
            limits.kafkaRate();
            List<Double> intakeRates = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<Double> jdbc = new ArrayList<>();
            List<Double> kafka = new ArrayList<>();
            long held = 0;
            for (int i = 0; i < settings.repetitions(); i++) {
                Wrk.Result result = intake.run(connections);
                intakeRates.add(result.goodPerSecond());
                p50.add(result.p50Ms());
                p99.add(result.p99Ms());
                held += result.held();
                jdbc.add(limits.jdbcRate(jdbcThreads));
                kafka.add(limits.kafkaRate());
                Log.step(IntakeThroughput.SECTION, "run %d: intake %.0f/s, JDBC %.0f/s, bare producer %.0f/s"
                        .formatted(i + 1, intakeRates.get(i), jdbc.get(i), kafka.get(i)));
            }
            String s1 = IntakeThroughput.SECTION;
            figures.add(Figure.rate(s1, "submissions accepted (202), %d values each, at %d connections".formatted(BenchSubmissions.VALUES, connections),
                    "submissions/s", intakeRates, "sweep: " + intake.sweepSummary() + (held > 0 ? "; " + held + " held for explanation" : "")));
            figures.add(Figure.latency(s1, "response time p50 at that load", p50, ""));
            figures.add(Figure.latency(s1, "response time p99 at that load", p99, ""));
            String s2 = WriteLimits.SECTION;
            figures.add(Figure.rate(s2, "PostgreSQL: the same rows, plain JDBC, one transaction per submission, %d connections".formatted(jdbcThreads),
                    "submissions/s", jdbc, "series, submission, 40 values (one batch), review step, outbox row"));
            figures.add(Figure.rate(s2, "Kafka: the same events, bare producer (acks=all, idempotent)", "events/s", kafka, "one producer thread"));
            figures.add(Figure.rate(s2, "intake ÷ PostgreSQL limit", "×", ratios(intakeRates, jdbc), "run by run")
                    .against(Target.atLeast(0.5, 0.8)));
            figures.add(Figure.rate(s2, "intake ÷ Kafka limit", "×", ratios(intakeRates, kafka), "run by run"));
        } finally {
            limits.dropDatabase();
        }
    }

    private static List<Double> ratios(List<Double> over, List<Double> under) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < over.size(); i++) {
            ratios.add(over.get(i) / under.get(i));
        }
        return ratios;
    }

    /** The broker bin/platform runs is the one its Maven file fetches. */
    private String brokerVersion() throws Exception {
        Matcher version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>")
                .matcher(Files.readString(settings.root().resolve("bin/kafka/pom.xml")));
        return version.find() ? version.group(1) : "unknown";
    }

    private String postgresVersion() throws Exception {
        return query("SHOW server_version");
    }

    private String count(String sql) throws Exception {
        return String.format("%,d", Long.parseLong(query(sql)));
    }

    private String query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(settings.intakeDb()), settings.dbUser(), settings.dbPassword());
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--" + name)) {
                return args[i + 1];
            }
        }
        return "unknown";
    }

}
