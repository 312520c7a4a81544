package org.reportplatform.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What one measured load cost each stage (PERFORMANCE.md §4): CPU-ms per accepted submission of each service, Kafka
 * and PostgreSQL (all its backends) from /proc before and after; records per submission on each of the platform's
 * topics (committed records only, so transaction markers do not count); each consumer group's lag every 0.5 s; the
 * machine's idle CPU over the load and its load average at both ends. Kafka and PostgreSQL are the machine's, shared
 * with whatever else runs: their CPU is theirs in all, not only this load's (hence the idle CPU beside it).
 */
final class StageMeter {

    /** Below this idle share the machine was busy with other work too: the figures are marked unreliable. */
    static final double RELIABLE_IDLE = 0.20;
    private static final long SAMPLE_MILLIS = 500;
    private static final int SERIES_SHOWN = 24;

    record Cost(long accepted, Map<String, Double> cpuMsPerSubmission, Map<String, Double> recordsPerSubmission,
                Map<String, List<Long>> lag, double idle, String loadAtStart, String loadAtEnd) {

        boolean reliable() {
            return idle >= RELIABLE_IDLE;
        }

        /** What is written beside each figure of the load. */
        String conditions() {
            return "idle CPU %.0f%%%s; load %s → %s".formatted(100 * idle, reliable() ? "" : " (under 20%: unreliable)", loadAtStart, loadAtEnd);
        }

        /** Each group's lag as a short series (at most 24 samples, evenly spread) and its maximum. */
        String lagSeries() {
            return lag.entrySet().stream().map(group -> {
                List<Long> samples = group.getValue();
                List<String> shown = new ArrayList<>();
                for (int i = 0; i < Math.min(SERIES_SHOWN, samples.size()); i++) {
                    shown.add(Long.toString(samples.get((int) ((long) i * samples.size() / Math.min(SERIES_SHOWN, samples.size())))));
                }
                return "%s max %d [%s]".formatted(group.getKey(), samples.stream().mapToLong(Long::longValue).max().orElse(0), String.join(" ", shown));
            }).collect(Collectors.joining("; "));
        }
    }

    private final Settings settings;
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final long postgres;

    StageMeter(Settings settings) {
        this.settings = settings;
        this.pids.putAll(settings.servicePids());
        long kafka = Processes.listening(Integer.parseInt(settings.kafka().substring(settings.kafka().lastIndexOf(':') + 1)));
        if (kafka > 0) {
            pids.put("Kafka", kafka);
        }
        this.postgres = Processes.listening(Integer.parseInt(settings.dbPort()));
    }

    /** A load being measured: stop it with the number of submissions accepted. */
    final class Measuring implements AutoCloseable {
        private final Map<String, Long> ticks = ticks();
        private final ProcFiles.MachineCpu machine = Processes.machine();
        private final String load = Processes.loadAverage();
        private final Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka()));
        private final Map<TopicPartition, Long> offsets = committedEnds(admin);
        private final Map<String, List<Long>> lag = new LinkedHashMap<>();
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        private Measuring() {
            lag.put(settings.streamsApplicationId(), new ArrayList<>());
            lag.put(settings.dashboardGroup(), new ArrayList<>());
            sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        }

        private synchronized void sample() {
            try {
                lag.get(settings.streamsApplicationId()).add(Pipeline.lag(admin, settings.streamsApplicationId(), Set.of(settings.submissionsTopic())));
                lag.get(settings.dashboardGroup()).add(Pipeline.lag(admin, settings.dashboardGroup(),
                        Set.of(settings.submissionsTopic(), settings.aggregatesTopic())));
            } catch (Exception e) {
                // a sample missed; the series goes on
            }
        }

        /** The cost of the load since {@link #start()}; the records are counted after the CPU is read, so counting costs nothing. */
        Cost stop(long accepted) throws Exception {
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
            Map<String, Long> after = ticks();
            double idle = Processes.machine().idleSince(machine);
            String loadAtEnd = Processes.loadAverage();
            Map<String, Double> cpu = new LinkedHashMap<>();
            ticks.forEach((name, before) -> {
                long used = after.getOrDefault(name, -1L) - before;
                cpu.put(name, before < 0 || after.getOrDefault(name, -1L) < 0 ? Double.NaN
                        : used * 1000 / Processes.TICKS_PER_SECOND / Math.max(1, accepted));
            });
            Map<String, Double> records = new LinkedHashMap<>();
            countCommitted(offsets, committedEnds(admin)).forEach((topic, count) -> records.put(topic, (double) count / Math.max(1, accepted)));
            Map<String, List<Long>> series;
            synchronized (this) {
                series = new LinkedHashMap<>(lag);
            }
            return new Cost(accepted, cpu, records, series, idle, load, loadAtEnd);
        }

        @Override
        public void close() {
            sampler.shutdownNow();
            admin.close();
        }
    }

    Measuring start() {
        return new Measuring();
    }

    private Map<String, Long> ticks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, Processes.cpuTicks(pid)));
        if (postgres > 0) {
            ticks.put("PostgreSQL", Processes.treeCpuTicks(postgres));
        }
        return ticks;
    }

    private boolean ours(String topic) {
        return topic.startsWith(settings.submissionsTopic()) || topic.equals(settings.aggregatesTopic())
                || topic.startsWith(settings.streamsApplicationId() + "-");
    }

    /** The last stable offset of every partition of the platform's topics: where committed records end. */
    private Map<TopicPartition, Long> committedEnds(Admin admin) {
        try {
            Set<String> topics = admin.listTopics().names().get().stream().filter(this::ours).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the topics' offsets", e);
        }
    }

    /** Committed records between two readings of the offsets, per topic, read as a read_committed consumer sees them. */
    private Map<String, Long> countCommitted(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        Map<String, Long> counts = new LinkedHashMap<>();
        List<TopicPartition> partitions = to.keySet().stream().filter(p -> to.get(p) > from.getOrDefault(p, 0L)).toList();
        to.keySet().stream().map(TopicPartition::topic).sorted().forEach(topic -> counts.put(topic, 0L));
        if (partitions.isEmpty()) {
            return counts;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < to.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
                        counts.merge(record.topic(), 1L, Long::sum);
                    }
                });
            }
        }
        return counts;
    }
}
