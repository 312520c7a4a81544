package org.reportplatform.indicators.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
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
 * last record of every key on the aggregates topic (null for a tombstone), parsed as a consumer would, once the
 * topology has published what changed (an emission interval of wall-clock time, {@link #emit}), and
 * {@link #deadLetters} the records on the dead-letter topic.
 */
final class AggregationDriver implements AutoCloseable {

    static final Instant NOW = Instant.parse("2024-03-01T08:00:00Z");
    /** How often the topology publishes changed figures; {@link #latest} lets that much wall-clock time pass. */
    static final Duration EMIT_INTERVAL = Duration.ofMillis(200);
    private static final String APPLICATION_ID = "indicator-service-test";
    /** Every store of the topology, with how its changelog's values read. */
    private static final Map<String, Deserializer<?>> STORES = Map.of(
            SubmissionProcessor.LATEST_SUBMISSIONS, StateSerdes.submissions().deserializer(),
            SubmissionProcessor.ACCEPTED_SUBMISSIONS, StateSerdes.submissions().deserializer(),
            SubmissionProcessor.FIGURES, StateSerdes.figures().deserializer(),
            SubmissionProcessor.CHANGED_FIGURES, new ByteArrayDeserializer());
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
    private final Catalogue catalogue;
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final Map<String, AggregateEvent> latest = new HashMap<>();
    /** The records read from each store's changelog since the instance started. */
    private final Map<String, List<KeyValue<String, byte[]>>> changelogs = new HashMap<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> submissions;
    private TestOutputTopic<String, String> aggregates;
    private TestOutputTopic<String, String> deadLetters;

    AggregationDriver(Catalogue catalogue) {
        this.catalogue = catalogue;
        start();
    }

    private void start() {
        changelogs.clear();
        Topology topology = new IndicatorTopology(TOPICS, catalogue, REGIONS, Clock.fixed(NOW, ZoneOffset.UTC), meters,
                EMIT_INTERVAL).build();
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // the stores' memory bounds as the service configures them (application.properties)
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        // no default serdes: every serde the topology needs must be given explicitly
        driver = new TopologyTestDriver(topology, config);
        submissions = driver.createInputTopic(TOPICS.submissions(), new StringSerializer(), new StringSerializer());
        aggregates = driver.createOutputTopic(TOPICS.aggregates(), new StringDeserializer(), new StringDeserializer());
        deadLetters = driver.createOutputTopic(TOPICS.deadLetters(), new StringDeserializer(), new StringDeserializer());
    }

    /**
     * A failover right after a commit, as Kafka Streams performs it: a new instance restores every store from its
     * changelog, record by record in the order written, and resumes the input after the committed offset (the
     * driver commits after every record). The local state of the old instance is gone with it, and what it published
     * is not read again.
     */
    void failOver() {
        Map<String, List<KeyValue<String, byte[]>>> changelogs = new LinkedHashMap<>();
        STORES.keySet().forEach(store -> changelogs.put(store, changelog(store)));
        driver.close();
        start();
        changelogs.forEach((store, records) -> {
            KeyValueStore<String, Object> restored = driver.getKeyValueStore(store);
            Deserializer<?> values = STORES.get(store);
            records.forEach(record -> {
                if (record.value == null) {
                    restored.delete(record.key);
                } else {
                    restored.put(record.key, values.deserialize(store, record.value));
                }
            });
        });
    }

    /**
     * Every record written to the store's changelog so far, in order (a null value deletes the key), unless a
     * failover replaced the instance since.
     */
    List<KeyValue<String, byte[]>> changelog(String store) {
        List<KeyValue<String, byte[]>> written = changelogs.computeIfAbsent(store, name -> new ArrayList<>());
        written.addAll(driver.createOutputTopic(APPLICATION_ID + "-" + store + "-changelog", new StringDeserializer(),
                new ByteArrayDeserializer()).readKeyValuesToList());
        return List.copyOf(written);
    }

    /** Lets one emission interval of wall-clock time pass: the topology publishes what changed since the last. */
    void emit() {
        driver.advanceWallClockTime(EMIT_INTERVAL);
    }

    /** The records published on the aggregates topic since the last read, in order, unparsed. */
    List<KeyValue<String, String>> published() {
        return aggregates.readKeyValuesToList();
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

    /**
     * The latest record per key published so far, after one more emission; a key mapped to null was last published
     * as a tombstone.
     */
    Map<String, AggregateEvent> latest() {
        emit();
        published().forEach(record ->
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
