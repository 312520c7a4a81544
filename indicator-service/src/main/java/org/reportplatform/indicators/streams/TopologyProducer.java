package org.reportplatform.indicators.streams;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.apache.kafka.streams.Topology;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.indicators.config.FiguresConfig;
import org.reportplatform.indicators.config.TopicsConfig;

/** Hands the topology to Quarkus Kafka Streams, which runs it with the {@code kafka-streams.*} settings. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    Topology topology(TopicsConfig topics, FiguresConfig figures, Catalogue catalogue, RegionRegistry regions,
                      Clock clock, MeterRegistry meters) {
        return new IndicatorTopology(topics, catalogue, regions, clock, meters, figures.emitInterval()).build();
    }
}
