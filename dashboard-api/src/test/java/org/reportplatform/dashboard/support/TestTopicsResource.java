package org.reportplatform.dashboard.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Creates the test profile's topics before the application subscribes, so that the tests do not depend on the
 * broker auto-creating topics: the aggregates topic compacted and with several partitions like the platform's, the
 * submissions topic (which report-intake's tests share) with one partition, so that its records keep their order.
 */
public class TestTopicsResource implements QuarkusTestResourceLifecycleManager {

    private static final int AGGREGATE_PARTITIONS = 3;

    @Override
    public Map<String, String> start() {
        Config config = ConfigProvider.getConfig();
        NewTopic aggregates = new NewTopic(config.getValue("platform.topics.aggregates", String.class), AGGREGATE_PARTITIONS, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        NewTopic submissions = new NewTopic(config.getValue("platform.topics.submissions", String.class), 1, (short) 1);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.getValue("kafka.bootstrap.servers", String.class)))) {
            for (NewTopic topic : List.of(aggregates, submissions)) {
                create(admin, topic);
            }
        }
        return Map.of();
    }

    private static void create(Admin admin, NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic.name(), e);
        }
    }

    @Override
    public void stop() {
        // the topics stay: the next run's consumer group resumes after what this run consumed
    }
}
