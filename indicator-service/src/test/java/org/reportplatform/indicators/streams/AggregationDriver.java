package org.reportplatform.indicators.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.AggregateKey;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.indicators.config.TopicsConfig;

/**
 * The production topology in a {@link TopologyTestDriver}: submissions go in as JSON, and {@link #latest} holds the
 * last record of every key on the aggregates topic (null for a tombstone), parsed as a consumer would, and
 * {@link #deadLetters} the records on the dead-letter topic.
 */
final class AggregationDriver implements AutoCloseable {

    static final Instant NOW = Instant.parse("2024-03-01T08:00:00Z");
    private static final RegionRegistry REGIONS = RegionRegistry.load();

    record Topics(String submissions, String aggregates, String deadLetters) implements TopicsConfig {
    }

    static final Topics TOPICS = new Topics("report-submissions", "indicator-aggregates", "report-submissions-dlq");

    /**
     * The driver commits after every record, and every commit syncs each store's checkpoint file to disk: on tmpfs
     * that is about ten times faster than under target/ on a busy machine.
     */
    private static final Path STATE_ROOT = Files.isDirectory(Path.of("/dev/shm"))
            ? Path.of("/dev/shm", "indicator-service-topology-tests")
            : Path.of("target", "topology-tests");

    private final Path stateDir = newStateDir();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, String> submissions;
    private final TestOutputTopic<String, String> aggregates;
    private final TestOutputTopic<String, String> deadLetters;
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final Map<String, AggregateEvent> latest = new HashMap<>();

    AggregationDriver(Catalogue catalogue) {
        Topology topology = new IndicatorTopology(TOPICS, catalogue, REGIONS, Clock.fixed(NOW, ZoneOffset.UTC), meters)
                .build();
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "indicator-service-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // no default serdes: every serde the topology needs must be given explicitly
        driver = new TopologyTestDriver(topology, config);
        submissions = driver.createInputTopic(TOPICS.submissions(), new StringSerializer(), new StringSerializer());
        aggregates = driver.createOutputTopic(TOPICS.aggregates(), new StringDeserializer(), new StringDeserializer());
        deadLetters = driver.createOutputTopic(TOPICS.deadLetters(), new StringDeserializer(), new StringDeserializer());
    }

    void submit(Submission submission) {
        submit(submission.event());
    }

    /** Sends the submission as the relay does: keyed by its province. */
    void submit(SubmissionEvent event) {
        submissions.pipeInput(event.topicKey(), EventJson.write(event));
    }

    void pipeRaw(String key, String value) {
        submissions.pipeInput(key, value);
    }

    void pipeRaw(TestRecord<String, String> record) {
        submissions.pipeInput(record);
    }

    /** The latest record per key published so far; a key mapped to null was last published as a tombstone. */
    Map<String, AggregateEvent> latest() {
        aggregates.readKeyValuesToList().forEach(record ->
                latest.put(record.key, record.value == null ? null : EventJson.read(record.value, AggregateEvent.class)));
        return latest;
    }

    /** The latest published actual figure of all data received; fails when never published or tombstoned. */
    AggregateEvent aggregate(String indicator, String region, String period) {
        return aggregate(indicator, region, period, ValueKind.ACTUAL, Basis.RECEIVED);
    }

    /** The latest published aggregate of the key; fails when the key was never published or is tombstoned. */
    AggregateEvent aggregate(String indicator, String region, String period, ValueKind kind, Basis basis) {
        String key = new AggregateKey(IndicatorCode.of(indicator), RegionCode.of(region), PeriodCode.of(period), kind,
                basis).toString();
        AggregateEvent event = latest().get(key);
        if (event == null) {
            throw new AssertionError(key + (latest.containsKey(key) ? " is tombstoned" : " was never published"));
        }
        return event;
    }

    AggregateEvent aggregate(String indicator, String region) {
        return aggregate(indicator, region, "2023");
    }

    /** The records that reached the dead-letter topic since the last read, headers included. */
    List<TestRecord<String, String>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    MeterRegistry meters() {
        return meters;
    }

    /** How many records reached the aggregates topic since the last read. */
    long unreadRecords() {
        return aggregates.getQueueSize();
    }

    private static Path newStateDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(STATE_ROOT), "state-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
