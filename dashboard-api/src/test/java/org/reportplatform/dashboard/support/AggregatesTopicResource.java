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
 * Creates the test profile's aggregates topic before the application subscribes, compacted and with several
 * partitions like the platform's, so that the tests do not depend on the broker auto-creating topics.
 */
public class AggregatesTopicResource implements QuarkusTestResourceLifecycleManager {

    private static final int PARTITIONS = 3;

    @Override
    public Map<String, String> start() {
        Config config = ConfigProvider.getConfig();
        String topic = config.getValue("platform.topics.aggregates", String.class);
        NewTopic compacted = new NewTopic(topic, PARTITIONS, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.getValue("kafka.bootstrap.servers", String.class)))) {
            admin.createTopics(List.of(compacted)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // the topic stays: the next run's consumer group resumes after what this run consumed
    }
}
