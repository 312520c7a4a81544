package org.reportplatform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.launch.ServiceProcess;

/**
 * Item 5: a national dataset replayed from scratch. Fresh topics, a fresh indicator-service (its own Streams
 * application id and state) and a fresh dashboard-api (its own database and consumer group) are started from the
 * built apps beside the running platform; every unit's edu_annual and sci_annual for 10 years is produced straight to
 * the new submissions topic, and the clock runs until dashboard-api's read model holds every figure: each of the
 * units' values counted once in its unit's, its city's and its province's figure.
 */
final class NationalReplay {

    static final String SECTION = "5. National scale";
    static final List<DatasetCode> FORMS = List.of(DatasetCode.of("edu_annual"), DatasetCode.of("sci_annual"));
    static final List<PeriodCode> PERIODS = List.of("2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025")
            .stream().map(PeriodCode::of).toList();
    /** The figures stand still this long short of the target: the replay has ended there (reported, not hidden). */
    private static final Duration STALL = Duration.ofSeconds(180);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> LEVELS = List.of("unit", "city", "province");

    record Outcome(int units, int events, long values, long targetCount, long reachedCount, double seconds,
                   boolean complete, String ending, Map<String, Long> rssKib) {
        double fraction() {
            return (double) reachedCount / targetCount;
        }
    }

    private final Settings settings;
    private final Catalogue catalogue;
    private final BenchSubmissions submissions;
    private final List<Region> units;
    private final String runId = "bench-scale-" + System.currentTimeMillis();
    private final String database;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    NationalReplay(Settings settings, Catalogue catalogue, BenchSubmissions submissions, List<Region> allUnits) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.submissions = submissions;
        this.units = sample(allUnits, settings.scale());
        this.database = settings.dashboardDb() + "_scale";
    }

    /** Every unit for scale 1; otherwise units spread evenly over the list, so that every province keeps some. */
    private static List<Region> sample(List<Region> all, double scale) {
        List<Region> chosen = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (Math.floor((i + 1) * scale) > Math.floor(i * scale)) {
                chosen.add(all.get(i));
            }
        }
        return chosen;
    }

    Outcome measure() throws Exception {
        String submissionsTopic = runId + "-submissions";
        String aggregatesTopic = runId + "-aggregates";
        String deadLettersTopic = runId + "-dlq";
        Path state = settings.work().resolve(runId + "-streams");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka()))) {
            admin.createTopics(List.of(
                    new NewTopic(submissionsTopic, settings.partitions(), (short) 1),
                    new NewTopic(aggregatesTopic, settings.partitions(), (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(deadLettersTopic, settings.partitions(), (short) 1))).all().get();
            Databases.recreate(settings, database);
            try {
                Map<String, String> shared = Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", settings.kafka(),
                        "DB_HOST", settings.dbHost(), "DB_PORT", settings.dbPort(),
                        "DB_USER", settings.dbUser(), "DB_PASSWORD", settings.dbPassword(),
                        "PLATFORM_TOPICS_SUBMISSIONS", submissionsTopic,
                        "PLATFORM_TOPICS_AGGREGATES", aggregatesTopic,
                        "PLATFORM_TOPICS_DEAD_LETTERS", deadLettersTopic,
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", settings.publicKey().toString());
                start("indicator-service", shared, Map.of(
                        "QUARKUS_KAFKA_STREAMS_APPLICATION_ID", runId + "-indicator-service",
                        "KAFKA_STREAMS_STATE_DIR", state.toString()));
                start("dashboard-api", shared, Map.of(
                        "DB_NAME", database,
                        "MP_MESSAGING_INCOMING_AGGREGATES_GROUP_ID", runId + "-dashboard-api",
                        "MP_MESSAGING_INCOMING_SUBMISSIONS_GROUP_ID", runId + "-dashboard-api"));
                services.values().forEach(service -> service.awaitReady(READY_TIMEOUT));
                return replay(submissionsTopic);
            } finally {
                services.values().forEach(service -> service.stop(Duration.ofSeconds(20)));
                Databases.drop(settings, database);
                Set<String> ours = new HashSet<>();
                for (String topic : admin.listTopics().names().get()) {
                    if (topic.startsWith(runId)) {
                        ours.add(topic);   // the run's topics and its Streams application's internal ones
                    }
                }
                admin.deleteTopics(ours).all().get();
                deleteTree(state);
            }
        }
    }

    private Outcome replay(String topic) throws Exception {
        List<Dataset> forms = FORMS.stream().map(code -> catalogue.dataset(code).orElseThrow()).toList();
        // an indicator of both forms (a ratio's component) has one figure, merged over the forms
        List<String> rolledUp = catalogue.indicators().stream()
                .filter(indicator -> indicator.rule() != AggregationRule.NONE)
                .filter(indicator -> forms.stream().anyMatch(form -> form.contains(indicator.code())))
                .map(indicator -> indicator.code().value())
                .toList();
        long target = (long) LEVELS.size() * units.size() * rolledUp.size() * PERIODS.size();
        Log.step(SECTION, "%d units × %d forms × %d periods; waiting for %d unit counts in the read model"
                .formatted(units.size(), forms.size(), PERIODS.size(), target));

        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        int events = 0;
        long values = 0;
        long started = System.nanoTime();
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (Region unit : units) {
                for (Dataset form : forms) {
                    // the figures of one year for all ten: the same work for the topology, a tenth of the generating
                    SubmissionEvent template = submissions.fullForm(unit, form, PERIODS.get(0), "");
                    for (PeriodCode period : PERIODS) {
                        SubmissionEvent event = new SubmissionEvent(java.util.UUID.randomUUID(),
                                runId + "-" + unit.code() + "-" + form.code() + "-" + period, unit.code(), form.code(),
                                period, 1, java.time.Instant.now(), template.values(), template.reviewStatus());
                        producer.send(new ProducerRecord<>(topic, event.topicKey(), EventJson.write(event)), (m, e) -> {
                            if (e != null) {
                                failed.set(e);
                            }
                        });
                        events++;
                        values += event.values().size();
                    }
                }
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("the replay's producer failed", failed.get());
        }
        Log.step(SECTION, "%d events (%d values) produced in %.1f s".formatted(events, values, (System.nanoTime() - started) / 1e9));

        long reached = 0;
        long lastChange = System.nanoTime();
        long lastReport = 0;
        String ending = "every figure served";
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(database), settings.dbUser(), settings.dbPassword());
             PreparedStatement count = c.prepareStatement("""
                     SELECT coalesce(sum(reporting_units + withheld_units), 0) FROM aggregate
                      WHERE kind = 'ACTUAL' AND basis = 'RECEIVED' AND period = ANY (?) AND indicator = ANY (?)""")) {
            count.setArray(1, c.createArrayOf("varchar", PERIODS.stream().map(PeriodCode::value).toArray()));
            count.setArray(2, c.createArrayOf("varchar", rolledUp.toArray()));
            while (reached < target) {
                long now = System.nanoTime();
                if (!settings.scaleTimeout().isZero() && now - started > settings.scaleTimeout().toNanos()) {
                    ending = "stopped after the time limit of " + settings.scaleTimeout().toMinutes() + " min";
                    break;
                }
                if (now - lastChange > STALL.toNanos()) {
                    ending = "figures stood still for " + STALL.toSeconds() + " s short of the target";
                    break;
                }
                Thread.sleep(1000);
                long current;
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    current = rows.getLong(1);
                }
                if (current != reached) {
                    reached = current;
                    lastChange = System.nanoTime();
                }
                if (now - lastReport > TimeUnit.SECONDS.toNanos(30)) {
                    lastReport = now;
                    Log.step(SECTION, "%.0f s: %d of %d unit counts (%.1f%%)".formatted((now - started) / 1e9, reached, target, 100.0 * reached / target));
                }
            }
        }
        double seconds = (lastChange - started) / 1e9;
        Map<String, Long> rss = new LinkedHashMap<>();
        services.forEach((name, service) -> rss.put(name + " (replay)", Machine.rssKib(service.pid())));
        settings.servicePids().forEach((name, pid) -> rss.put(name + " (running platform)", Machine.rssKib(pid)));
        return new Outcome(units.size(), events, values, target, reached, seconds, reached >= target, ending, rss);
    }

    private void start(String name, Map<String, String> shared, Map<String, String> own) {
        Map<String, String> environment = new HashMap<>(shared);
        environment.putAll(own);
        ServiceProcess service = new ServiceProcess(settings.root(), name, environment, settings.work(), "scale-");
        service.start();
        services.put(name, service);
        Log.step(SECTION, "started a fresh %s at %s (log %s)".formatted(name, service.baseUrl(), service.log()));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
