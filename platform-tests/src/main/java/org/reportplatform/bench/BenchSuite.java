package org.reportplatform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * The benchmark suite against the running platform ({@code bin/platform bench}, docs/adr/0015): measures, prints
 * progress, writes BENCHMARKS.md and BENCHMARKS.json. It prints figures; it never fails because one is poor.
 *
 * <p>Measurements that load the pipeline run after those that need it idle: freshness and queries first, then the
 * national replay (its own services), then intake's throughput and the limits beside it.
 */
public final class BenchSuite {

    private static final String NARRATIVE = "6. Narrative reading";
    private static final int[] FRESHNESS_RATES = {50, 200};
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

    private BenchSuite(Settings settings) {
        this.settings = settings;
        this.pipeline = new Pipeline(settings);
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
        measure(NARRATIVE, () -> extraction(Path.of(option(args, "extraction-output"))));
        measure(Freshness.SECTION, this::freshness);
        measure(QueryLatency.SECTION, this::queries);
        measure(NationalReplay.SECTION, this::nationalScale);
        measure(IntakeThroughput.SECTION, this::intakeAndLimits);
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
        pipeline.awaitIdle(Freshness.SECTION);
        Freshness freshness = new Freshness(settings, regions, templates, tokens);
        freshness.listen();
        Thread.sleep(2000);   // the streams are open before the first submission
        Log.step(Freshness.SECTION, "warm-up at 50/s");
        freshness.run(50, settings.warmUp());
        for (int rate : FRESHNESS_RATES) {
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            long sent = 0;
            long lost = 0;
            long skipped = 0;
            long refused = 0;
            for (int i = 0; i < settings.repetitions(); i++) {
                Freshness.Run run = freshness.run(rate, settings.run());
                p50.add(run.percentileMs(0.5));
                p99.add(run.percentileMs(0.99));
                sent += run.sent();
                lost += run.lost();
                skipped += run.skipped();
                refused += run.refused();
                Log.step(Freshness.SECTION, "%d/s run %d: p50 %.0f ms, p99 %.0f ms (%d sent, %d measured, %d not seen within 120 s, %d not accepted)"
                        .formatted(rate, i + 1, run.percentileMs(0.5), run.percentileMs(0.99), run.sent(), run.latenciesMicros().length, run.lost(), run.refused()));
                pipeline.awaitIdle(Freshness.SECTION);
            }
            String note = "%d sent; %d not seen within 120 s, %d not accepted, %d ticks skipped for want of a free (province, year)".formatted(sent, lost, refused, skipped);
            figures.add(Figure.latency(Freshness.SECTION, "202 → province figure on the live stream, p50, at " + rate + " submissions/s", p50, note));
            figures.add(Figure.latency(Freshness.SECTION, "202 → province figure on the live stream, p99, at " + rate + " submissions/s", p99, ""));
        }
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
            figures.add(Figure.latency(s, n + ": dashboard-api p99", api.stream().map(QueryLatency.Run::p99Ms).toList(), ""));
            figures.add(Figure.rate(s, n + ": GROUP BY over raw values", "queries/s", sql.stream().map(QueryLatency.Run::perSecond).toList(), "JDBC, intake's database"));
            figures.add(Figure.latency(s, n + ": GROUP BY p50", sql.stream().map(QueryLatency.Run::p50Ms).toList(), ""));
            figures.add(Figure.latency(s, n + ": GROUP BY p99", sql.stream().map(QueryLatency.Run::p99Ms).toList(), ""));
            figures.add(Figure.rate(s, n + ": dashboard-api ÷ GROUP BY, throughput", "×",
                    ratios(api.stream().map(QueryLatency.Run::perSecond).toList(), sql.stream().map(QueryLatency.Run::perSecond).toList()), "above 1: the read model answers more"));
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
        figures.add(Figure.summarised(s, "replay from scratch until every figure is served", "s", outcome.seconds(), outcome.seconds(),
                "one run (scale %s); %s; %s".formatted(settings.scale(), what, extent)));
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
        IntakeThroughput intake = new IntakeThroughput(settings, templates, tokens);
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
            figures.add(Figure.rate(s2, "intake ÷ PostgreSQL limit", "×", ratios(intakeRates, jdbc), "run by run"));
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
