package org.reportplatform.indicators.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * Changelog and repartition topics are named after stores and processors: renaming one orphans the state a running
 * deployment has. This pins the names, so a change to them is a deliberate one.
 */
class TopologyNamesTest {

    private final TopologyDescription description = new IndicatorTopology(
            AggregationDriver.TOPICS, Catalogue.load(), RegionRegistry.load(), Clock.systemUTC(), new SimpleMeterRegistry())
            .build().describe();

    @Test
    void everyStoreAndInternalTopicHasAnExplicitName() {
        String text = description.toString();

        assertThat(text).doesNotContain("KSTREAM-", "KTABLE-");
        assertThat(description.subtopologies()).hasSize(4);
        assertThat(description.subtopologies().stream()
                .flatMap(subtopology -> subtopology.nodes().stream())
                .filter(TopologyDescription.Processor.class::isInstance)
                .flatMap(node -> ((TopologyDescription.Processor) node).stores().stream()))
                .containsExactlyInAnyOrder("latest-submissions", "accepted-submissions", "unit-values", "city-aggregates", "province-aggregates");
        assertThat(text).contains(
                "topics: [report-submissions]",
                "topic: unit-contributions-repartition",
                "topic: city-aggregates-by-parent-repartition",
                "topic: province-aggregates-by-parent-repartition",
                "topic: indicator-aggregates",
                "Processor: submission-outcome-dead-letters",
                "Sink: dead-letters-to-topic (topic: report-submissions-dlq)");
    }
}
