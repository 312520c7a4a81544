package org.reportplatform.indicators.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.indicators.config.TopicsConfig;
import org.reportplatform.indicators.streams.SubmissionOutcome.ChangedFigure;
import org.reportplatform.indicators.streams.SubmissionOutcome.DeadLetter;

/**
 * Submissions → one processor that keeps every unit's, city's and province's figures of the task's provinces →
 * the changed figures, once per emission interval, on the aggregates topic; a submission that cannot be applied goes
 * to the dead-letter topic as it came. One sub-topology: no repartition topic, one changelog per store
 * (docs/adr/0018).
 * <p>
 * Processors, stores and sinks are named explicitly: Kafka Streams derives changelog topic names from them, and
 * generated names would shift whenever the topology changes.
 */
public final class IndicatorTopology {

    /** The branches after apply-submission are named this prefix and their branch name. */
    private static final String OUTCOMES = "submission-outcome-";
    private static final String DEAD_LETTERS = "dead-letters";
    private static final String FIGURES = "figures";

    private final TopicsConfig topics;
    private final Catalogue catalogue;
    private final RegionRegistry regions;
    private final DeadLetters deadLetters;
    private final FigureEvents events;
    private final Duration emitInterval;

    /** @param emitInterval how often the changed figures are published ({@code indicator.figures.emit-interval}) */
    public IndicatorTopology(TopicsConfig topics, Catalogue catalogue, RegionRegistry regions, Clock clock,
                             MeterRegistry meters, Duration emitInterval) {
        this.topics = topics;
        this.catalogue = catalogue;
        this.regions = regions;
        this.deadLetters = new DeadLetters(meters, clock);
        this.events = new FigureEvents(catalogue, regions, clock);
        this.emitInterval = emitInterval;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        for (String store : List.of(SubmissionProcessor.LATEST_SUBMISSIONS, SubmissionProcessor.ACCEPTED_SUBMISSIONS)) {
            builder.addStateStore(cached(store, StateSerdes.submissions()));
        }
        builder.addStateStore(cached(SubmissionProcessor.FIGURES, StateSerdes.figures()));
        builder.addStateStore(cached(SubmissionProcessor.CHANGED_FIGURES, Serdes.ByteArray()));

        // Values are parsed in the processor, so that an unreadable record becomes a dead letter rather than fatal.
        // Dead letters keep the record's key; they and the figures are written in the same transaction.
        Map<String, KStream<String, SubmissionOutcome>> outcomes = builder
                .stream(topics.submissions(), Consumed.with(Serdes.String(), Serdes.String()).withName("submissions"))
                .process(() -> new SubmissionProcessor(catalogue, regions, deadLetters, events, emitInterval),
                        Named.as("apply-submission"),
                        SubmissionProcessor.LATEST_SUBMISSIONS, SubmissionProcessor.ACCEPTED_SUBMISSIONS,
                        SubmissionProcessor.FIGURES, SubmissionProcessor.CHANGED_FIGURES)
                .split(Named.as(OUTCOMES))
                .branch((key, outcome) -> outcome instanceof DeadLetter, Branched.as(DEAD_LETTERS))
                .defaultBranch(Branched.as(FIGURES));
        outcomes.get(OUTCOMES + DEAD_LETTERS)
                .mapValues(outcome -> ((DeadLetter) outcome).value(), Named.as("dead-letter-values"))
                .to(topics.deadLetters(),
                        Produced.with(Serdes.String(), Serdes.String()).withName("dead-letters-to-topic"));
        outcomes.get(OUTCOMES + FIGURES)
                .mapValues(outcome -> ((ChangedFigure) outcome).event(), Named.as("figure-events"))
                .to(topics.aggregates(), Produced.with(Serdes.String(), JsonSerdes.of(AggregateEvent.class))
                        .withName("figures-to-aggregates"));
        return builder.build();
    }

    /**
     * A persistent, changelogged store behind the record cache: writes to one key between two commits reach RocksDB
     * and the changelog once (a city's tally moved by many of its units, a mark set and cleared).
     */
    private static <V> StoreBuilder<KeyValueStore<String, V>> cached(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingEnabled();
    }
}
