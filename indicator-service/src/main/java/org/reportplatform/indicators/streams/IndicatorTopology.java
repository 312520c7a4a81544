package org.reportplatform.indicators.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.reportplatform.contracts.FormAssignments;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.AggregateKey;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.indicators.config.TopicsConfig;
import org.reportplatform.indicators.domain.Tally;
import org.reportplatform.indicators.streams.SubmissionOutcome.Contribution;
import org.reportplatform.indicators.streams.SubmissionOutcome.DeadLetter;

/**
 * Submissions → each unit's contribution per indicator → city tallies → province tallies, every level published
 * to the aggregates topic; a submission that cannot be applied goes to the dead-letter topic as it came. Regions
 * roll up through KTable aggregations with an adder and a subtractor, so a revised or withdrawn statement is
 * retracted exactly from every level above it.
 * <p>
 * Processors, stores and internal topics are named explicitly: Kafka Streams derives changelog and repartition
 * topic names from them, and generated names would shift whenever the topology changes.
 */
public final class IndicatorTopology {

    private static final String UNIT_VALUES = "unit-values";
    private static final String CITY_AGGREGATES = "city-aggregates";
    private static final String PROVINCE_AGGREGATES = "province-aggregates";
    /** The branches after apply-submission are named this prefix and their branch name. */
    private static final String OUTCOMES = "submission-outcome-";
    private static final String DEAD_LETTERS = "dead-letters";
    private static final String CONTRIBUTIONS = "contributions";

    private final TopicsConfig topics;
    private final Catalogue catalogue;
    private final RegionRegistry regions;
    private final FormAssignments assignments;
    private final Clock clock;
    private final DeadLetters deadLetters;
    private final Serde<Tally> tallies = JsonSerdes.of(Tally.class);
    private final Serde<AggregateEvent> aggregateEvents = JsonSerdes.of(AggregateEvent.class);

    public IndicatorTopology(TopicsConfig topics, Catalogue catalogue, RegionRegistry regions, Clock clock,
                             MeterRegistry meters) {
        this.topics = topics;
        this.catalogue = catalogue;
        this.regions = regions;
        this.assignments = new FormAssignments(catalogue, regions);
        this.clock = clock;
        this.deadLetters = new DeadLetters(meters, clock);
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        for (String store : List.of(SubmissionProcessor.LATEST_SUBMISSIONS, SubmissionProcessor.ACCEPTED_SUBMISSIONS)) {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store),
                    Serdes.String(), JsonSerdes.of(SubmissionEvent.class)));
        }

        // Values are parsed in the processor, so that an unreadable record becomes a dead letter rather than fatal.
        // The processor re-keys by indicator, so Kafka Streams routes the contributions through one repartition
        // topic (unit-contributions-repartition) before the table: order per key holds, as one region's task emits
        // them. Dead letters keep the record's key and are written from the same transaction.
        Map<String, KStream<String, SubmissionOutcome>> outcomes = builder
                .stream(topics.submissions(), Consumed.with(Serdes.String(), Serdes.String()).withName("submissions"))
                .process(() -> new SubmissionProcessor(catalogue, regions, deadLetters), Named.as("apply-submission"),
                        SubmissionProcessor.LATEST_SUBMISSIONS, SubmissionProcessor.ACCEPTED_SUBMISSIONS)
                .split(Named.as(OUTCOMES))
                .branch((key, outcome) -> outcome instanceof DeadLetter, Branched.as(DEAD_LETTERS))
                .defaultBranch(Branched.as(CONTRIBUTIONS));
        outcomes.get(OUTCOMES + DEAD_LETTERS)
                .mapValues(outcome -> ((DeadLetter) outcome).value(), Named.as("dead-letter-values"))
                .to(topics.deadLetters(),
                        Produced.with(Serdes.String(), Serdes.String()).withName("dead-letters-to-topic"));
        KTable<String, Tally> units = outcomes.get(OUTCOMES + CONTRIBUTIONS)
                .mapValues(outcome -> ((Contribution) outcome).tally(), Named.as("contribution-tallies"))
                .toTable(Named.as("unit-contributions"), materialized(UNIT_VALUES));
        KTable<String, Tally> cities = rollUp(units.filter((key, tally) -> rollsUp(key), Named.as("units-that-roll-up")),
                CITY_AGGREGATES);
        KTable<String, Tally> provinces = rollUp(cities, PROVINCE_AGGREGATES);

        publish(units, UNIT_VALUES);
        publish(cities, CITY_AGGREGATES);
        publish(provinces, PROVINCE_AGGREGATES);
        return builder.build();
    }

    /** Tallies of each region's parent: the sum of its children's, kept exact by subtracting what a child had. */
    private KTable<String, Tally> rollUp(KTable<String, Tally> children, String store) {
        return children
                .groupBy((key, tally) -> KeyValue.pair(parentKey(key), tally),
                        Grouped.with(store + "-by-parent", Serdes.String(), tallies))
                .aggregate(() -> Tally.EMPTY,
                        (key, child, total) -> total.plus(child),
                        // a region no unit states anything for any more is deleted: a tombstone downstream
                        (key, child, total) -> {
                            Tally rest = total.minus(child);
                            return rest.coversNoUnit() ? null : rest;
                        },
                        Named.as(store + "-aggregation"),
                        materialized(store));
    }

    private void publish(KTable<String, Tally> table, String store) {
        table.toStream(Named.as(store + "-changes"))
                .mapValues((key, tally) -> tally == null ? null : toEvent(AggregateKey.parse(key), tally),
                        Named.as(store + "-as-events"))
                .to(topics.aggregates(), Produced.with(Serdes.String(), aggregateEvents)
                        .withName(store + "-to-aggregates"));
    }

    private Materialized<String, Tally, KeyValueStore<Bytes, byte[]>> materialized(String store) {
        return Materialized.<String, Tally, KeyValueStore<Bytes, byte[]>>as(store)
                .withKeySerde(Serdes.String())
                .withValueSerde(tallies);
    }

    /** NONE figures compare only within the unit: they stop at county level. */
    private boolean rollsUp(String key) {
        return indicator(AggregateKey.parse(key)).rule() != AggregationRule.NONE;
    }

    private String parentKey(String key) {
        AggregateKey child = AggregateKey.parse(key);
        // the processor admits county-level units only, so every region here has a city or a province above it: for a
        // code of the past, the one it lay within in the period (360721 赣县 under 赣州 in 2015)
        RegionCode parent = regions.find(child.region(), child.period()).flatMap(Region::parent)
                .or(() -> regions.parentOf(child.region()))
                .orElseThrow();
        return child.withRegion(parent).toString();
    }

    private AggregateEvent toEvent(AggregateKey key, Tally tally) {
        Indicator indicator = indicator(key);
        boolean hasComponents = indicator.rule().needsComponents();
        return new AggregateEvent(
                key.indicator(),
                key.region(),
                regions.find(key.region()).map(Region::level).orElseThrow(),
                key.period(),
                tally.valueUnder(indicator),
                hasComponents ? tally.numerator() : null,
                hasComponents ? tally.denominator() : null,
                tally.reportingUnits(),
                tally.withheldUnits(),
                assignments.unitsExpectedToReport(key.indicator(), key.region(), key.period()),
                Instant.now(clock),
                key.kind(),
                key.basis(),
                tally.incompleteUnits(),
                List.of());
    }

    private Indicator indicator(AggregateKey key) {
        return catalogue.indicator(key.indicator()).orElseThrow();
    }
}
