package org.reportplatform.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The running platform's backlog: intake's unpublished outbox rows and the consumer lag of indicator-service and
 * dashboard-api. A measurement starts on an idle pipeline, so that one measurement's backlog is not the next's load.
 */
final class Pipeline {

    private static final Duration LIMIT = Duration.ofMinutes(15);

    private final Settings settings;

    Pipeline(Settings settings) {
        this.settings = settings;
    }

    void awaitIdle(String section) throws Exception {
        long started = System.nanoTime();
        long lastReport = started;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka()))) {
            while (true) {
                long outbox = unpublished();
                long streamsLag = lag(admin, settings.streamsApplicationId(), Set.of(settings.submissionsTopic()));
                long dashboardLag = lag(admin, settings.dashboardGroup(), Set.of(settings.submissionsTopic(), settings.aggregatesTopic()));
                // a transaction's commit marker takes an offset no consumer ever commits past until the next record
                long markers = 4L * settings.partitions();
                if (outbox == 0 && streamsLag <= markers && dashboardLag <= markers) {
                    return;
                }
                long now = System.nanoTime();
                if (now - started > LIMIT.toNanos()) {
                    Log.step(section, "pipeline still busy after %d min (outbox %d, indicator-service lag %d, dashboard-api lag %d): measuring anyway"
                            .formatted(LIMIT.toMinutes(), outbox, streamsLag, dashboardLag));
                    return;
                }
                if (now - lastReport > 30e9) {
                    lastReport = now;
                    Log.step(section, "waiting for the pipeline to drain: outbox %d, indicator-service lag %d, dashboard-api lag %d"
                            .formatted(outbox, streamsLag, dashboardLag));
                }
                Thread.sleep(2000);
            }
        }
    }

    private long unpublished() throws Exception {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(settings.intakeDb()), settings.dbUser(), settings.dbPassword());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static long lag(Admin admin, String group, Set<String> topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                description.partitions().forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(ends).all().get();
        return latest.entrySet().stream().collect(Collectors.summingLong(end -> {
            OffsetAndMetadata position = committed.get(end.getKey());
            return end.getValue().offset() - (position == null ? 0 : position.offset());
        }));
    }
}
