package org.reportplatform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;

/**
 * Item 2: what this machine allows for the rows and messages intake writes, without intake. PostgreSQL: the rows of
 * one submission (series, submission, its 40 values, the review's first step, the outbox row) committed per
 * transaction with plain JDBC, the values as one batch, in a scratch database with intake's own schema (its Flyway
 * scripts). Kafka: the same events from a bare producer with intake's settings (acks=all, idempotent), to a scratch
 * topic with the platform's partition count.
 */
final class WriteLimits {

    static final String SECTION = "2. Limits beside intake";
    private static final int MESSAGES_KEPT = 2_000;
    /** PostgreSQL's connection slots are shared with everything else on the machine (max_connections, often 100). */
    static final int MAX_CONNECTIONS = 16;

    private final Settings settings;
    private final BenchSubmissions submissions;
    private final List<Region> units;
    private final String database;

    WriteLimits(Settings settings, BenchSubmissions submissions, List<Region> units) {
        this.settings = settings;
        this.submissions = submissions;
        this.units = units;
        this.database = settings.intakeDb() + "_jdbc_limit";
    }

    // ---- PostgreSQL ----------------------------------------------------------------------------------------------

    /** A scratch database with intake's schema, made afresh: the rows then land in tables as small as intake's were. */
    void createDatabase() throws Exception {
        Databases.recreate(settings, database);
        Path migrations = settings.root().resolve("report-intake/src/main/resources/db/migration");
        List<Path> scripts;
        try (Stream<Path> files = Files.list(migrations)) {
            scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (Path script : scripts) {
                s.execute(Files.readString(script));
            }
        }
    }

    void dropDatabase() throws Exception {
        Databases.drop(settings, database);
    }

    /** Submissions committed per second by {@code threads} connections during one run. */
    double jdbcRate(int threads) throws Exception {
        Instant deadline = Instant.now().plus(settings.run());
        AtomicLong committed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                try (Connection c = connect()) {
                    c.setAutoCommit(false);
                    while (Instant.now().isBefore(deadline)) {
                        storeOne(c);
                        committed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();   // a failed worker must not leave the others, and the JVM, running
        }
        return committed.get() / ((System.nanoTime() - started) / 1e9);
    }

    private void storeOne(Connection c) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Region unit = units.get(random.nextInt(units.size()));
        PeriodCode period = PeriodCode.of(Integer.toString(random.nextInt(BenchSubmissions.FIRST_YEAR, BenchSubmissions.LAST_YEAR + 1)));
        String key = "jdbc-" + System.nanoTime() + "-" + random.nextInt();
        SubmissionEvent event = submissions.event(unit, key, period, random.nextLong());
        String region = unit.code().value();
        String form = BenchSubmissions.FORM.value();
        Timestamp now = Timestamp.from(Instant.now());
        int version;
        try (PreparedStatement series = c.prepareStatement("""
                INSERT INTO submission_series (region, dataset, period, latest_version) VALUES (?, ?, ?, 1)
                ON CONFLICT (region, dataset, period) DO UPDATE SET latest_version = submission_series.latest_version + 1
                RETURNING latest_version""")) {
            series.setString(1, region);
            series.setString(2, form);
            series.setString(3, period.value());
            try (ResultSet rs = series.executeQuery()) {
                rs.next();
                version = rs.getInt(1);
            }
        }
        try (PreparedStatement supersede = c.prepareStatement(
                "UPDATE submission SET status = 'SUPERSEDED' WHERE region = ? AND dataset = ? AND period = ? AND status = 'SUBMITTED'")) {
            supersede.setString(1, region);
            supersede.setString(2, form);
            supersede.setString(3, period.value());
            supersede.executeUpdate();
        }
        try (PreparedStatement submission = c.prepareStatement("""
                INSERT INTO submission (id, submission_key, region, dataset, period, version, status, content_hash,
                                        received_at, submitted_at, review_status)
                VALUES (?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, 'SUBMITTED')""")) {
            submission.setObject(1, event.submissionId());
            submission.setString(2, key);
            submission.setString(3, region);
            submission.setString(4, form);
            submission.setString(5, period.value());
            submission.setInt(6, version);
            submission.setString(7, "%064x".formatted(key.hashCode() & 0xffffffffL));
            submission.setTimestamp(8, now);
            submission.setTimestamp(9, now);
            submission.executeUpdate();
        }
        try (PreparedStatement values = c.prepareStatement(
                "INSERT INTO submission_value (submission_id, position, indicator, value, status, kind) VALUES (?, ?, ?, ?, ?, 'ACTUAL')")) {
            int position = 0;
            for (ReportedValue value : event.values()) {
                values.setObject(1, event.submissionId());
                values.setInt(2, position++);
                values.setString(3, value.indicator().value());
                values.setBigDecimal(4, value.value());
                values.setString(5, value.status().name());
                values.addBatch();
            }
            values.executeBatch();
        }
        try (PreparedStatement review = c.prepareStatement("""
                INSERT INTO review_transition (submission_id, position, action, to_state, actor, role, at)
                VALUES (?, 0, 'SUBMIT', 'SUBMITTED', ?, 'COUNTY', ?)""")) {
            review.setObject(1, event.submissionId());
            review.setString(2, region);
            review.setTimestamp(3, now);
            review.executeUpdate();
        }
        try (PreparedStatement outbox = c.prepareStatement(
                "INSERT INTO outbox_event (topic, message_key, payload, submission_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
            outbox.setString(1, settings.submissionsTopic());
            outbox.setString(2, region);
            outbox.setString(3, EventJson.write(event));
            outbox.setObject(4, event.submissionId());
            outbox.setTimestamp(5, now);
            outbox.executeUpdate();
        }
        c.commit();
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(settings.jdbcUrl(database), settings.dbUser(), settings.dbPassword());
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    // ---- Kafka ---------------------------------------------------------------------------------------------------

    /** Events acknowledged per second by a bare producer during one run, each run to a topic of its own. */
    double kafkaRate() throws Exception {
        List<ProducerRecord<String, String>> messages = new ArrayList<>();
        String topic = "bench-limit-" + System.currentTimeMillis();
        for (int i = 0; i < MESSAGES_KEPT; i++) {
            Region unit = units.get(i * 7919 % units.size());
            PeriodCode period = PeriodCode.of(Integer.toString(BenchSubmissions.FIRST_YEAR + i % (BenchSubmissions.LAST_YEAR - BenchSubmissions.FIRST_YEAR)));
            SubmissionEvent event = submissions.event(unit, "kafka-" + i, period, i);
            messages.add(new ProducerRecord<>(topic, event.topicKey(), EventJson.write(event)));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka()))) {
            admin.createTopics(List.of(new NewTopic(topic, settings.partitions(), (short) 1))).all().get();
            try {
                return produce(messages);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    private double produce(List<ProducerRecord<String, String>> messages) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        AtomicLong acknowledged = new AtomicLong();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.partitionsFor(messages.get(0).topic());   // metadata fetched before the clock starts
            Instant deadline = Instant.now().plus(settings.run());
            long started = System.nanoTime();
            for (int i = 0; Instant.now().isBefore(deadline); i++) {
                producer.send(messages.get(i % messages.size()), (metadata, error) -> {
                    if (error == null) {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
            return acknowledged.get() / ((System.nanoTime() - started) / 1e9);
        }
    }
}
