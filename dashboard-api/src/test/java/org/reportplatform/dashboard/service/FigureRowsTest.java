package org.reportplatform.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.domain.Aggregate;
import org.reportplatform.dashboard.domain.AggregateId;
import org.reportplatform.dashboard.support.AggregatePublisher;
import org.reportplatform.dashboard.support.Events;
import org.reportplatform.dashboard.support.TestTopicsResource;

/**
 * The figures of cities and the province kept in memory are the table's after each committed batch: what a copy that
 * holds nothing reads from PostgreSQL, and one that can hold a single row, equal what the running copy was updated
 * to, figures replaced and deleted in one poll.
 */
@QuarkusTest
@WithTestResource(TestTopicsResource.class)
class FigureRowsTest {

    private static final IndicatorCode INDICATOR = IndicatorCode.of("edu_class_count");
    private static final List<String> CITIES = List.of("360100", "360200", "360300", "360400");
    private static final String PROVINCE = "360000";
    private static final String PERIOD = "2011";

    @Inject
    FigureRows figureRows;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AggregatePublisher publisher;

    @Inject
    RegionRegistry registry;

    @Test
    void theCopyInMemoryIsWhatTheTableHoldsAfterEachBatch() {
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        for (String city : CITIES) {
            batch.add(publisher.record(Events.city(INDICATOR.value(), city, PERIOD, "100", 5, 9)));
            batch.add(publisher.record(Events.of(Events.city(INDICATOR.value(), city, PERIOD, "90", 4, 9),
                    ValueKind.ACTUAL, Basis.ACCEPTED)));
        }
        batch.add(publisher.record(Events.city(INDICATOR.value(), CITIES.get(0), PERIOD, "120", 6, 9)));
        batch.add(publisher.tombstoneOf(Events.city(INDICATOR.value(), CITIES.get(1), PERIOD, "0", 0, 9).key()));
        AggregateEvent province = new AggregateEvent(INDICATOR, RegionCode.of(PROVINCE),
                registry.find(RegionCode.of(PROVINCE)).orElseThrow().level(), PeriodCode.of(PERIOD),
                new BigDecimal("310"), null, null, 15, 0, 103, Events.UPDATED_AT, ValueKind.ACTUAL, Basis.RECEIVED);
        batch.add(publisher.record(province));
        publisher.sendTogether(batch);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shown(figureRows, Basis.RECEIVED))
                .containsEntry(CITIES.get(0), "120/6").containsEntry(PROVINCE, "310/15").doesNotContainKey(CITIES.get(1)));
        // a copy that holds nothing yet reads every row from the table, one that holds a single row evicts all the time
        FigureRows empty = new FigureRows(dataSource, 1000);
        FigureRows tiny = new FigureRows(dataSource, 1);
        for (Basis basis : Basis.values()) {
            assertThat(shown(empty, basis)).isEqualTo(shown(figureRows, basis));
            assertThat(shown(tiny, basis)).isEqualTo(shown(figureRows, basis));
            assertThat(shown(tiny, basis)).as("asked again").isEqualTo(shown(figureRows, basis));
        }
        assertThat(shown(figureRows, Basis.ACCEPTED)).containsEntry(CITIES.get(1), "90/4");
    }

    /** Value and reporting units of the actual figures, by region. */
    private Map<String, String> shown(FigureRows rows, Basis basis) {
        List<Region> regions = new ArrayList<>();
        CITIES.forEach(city -> regions.add(registry.find(RegionCode.of(city)).orElseThrow()));
        regions.add(registry.find(RegionCode.of(PROVINCE)).orElseThrow());
        Map<String, String> shown = new TreeMap<>();
        for (Map.Entry<AggregateId, Aggregate> row : rows.of(INDICATOR, regions, List.of(PeriodCode.of(PERIOD)), basis)
                .entrySet()) {
            Aggregate figure = row.getValue();
            shown.put(row.getKey().region(), figure.value.stripTrailingZeros().toPlainString() + "/" + figure.reportingUnits);
        }
        return shown;
    }
}
