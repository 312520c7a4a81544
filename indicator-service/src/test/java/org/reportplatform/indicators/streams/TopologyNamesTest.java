package org.reportplatform.indicators.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * Changelog topics are named after stores: renaming one orphans the state a running deployment has. This pins the
 * names, and the one sub-topology without repartition topics (docs/adr/0018), so a change to them is a deliberate one.
 */
class TopologyNamesTest {

    private final TopologyDescription description = new IndicatorTopology(
            AggregationDriver.TOPICS, Catalogue.load(), RegionRegistry.load(), Clock.systemUTC(), new SimpleMeterRegistry(),
            AggregationDriver.EMIT_INTERVAL).build().describe();

    @Test
    void everyStoreAndInternalTopicHasAnExplicitName() {
        String text = description.toString();

        assertThat(text).doesNotContain("KSTREAM-", "KTABLE-");
        assertThat(description.subtopologies()).hasSize(1);
        assertThat(description.subtopologies().stream()
                .flatMap(subtopology -> subtopology.nodes().stream())
                .filter(TopologyDescription.Processor.class::isInstance)
                .flatMap(node -> ((TopologyDescription.Processor) node).stores().stream()))
                .containsExactlyInAnyOrder("latest-submissions", "accepted-submissions", "figures", "changed-figures");
        assertThat(text).doesNotContain("repartition");
        assertThat(text).contains(
                "topics: [report-submissions]",
                "Sink: figures-to-aggregates (topic: indicator-aggregates)",
                "Processor: submission-outcome-dead-letters",
                "Sink: dead-letters-to-topic (topic: report-submissions-dlq)");
    }
}
