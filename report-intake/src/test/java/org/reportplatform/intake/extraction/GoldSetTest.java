package org.reportplatform.intake.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;

/**
 * The reader against facts a person annotated in the seed reports: precision and recall of (value, unit) pairs
 * within the annotated regions, and of the indicator mapping of the pairs found. Gold and read facts of one
 * (value, unit) are paired in text order.
 */
class GoldSetTest {

    private static final double MIN_PRECISION = 0.9;
    private static final double MIN_RECALL = 0.85;

    private static Score valueUnit;
    private static Score indicator;

    record Score(int matched, int found, int expected) {
        double precision() {
            return found == 0 ? 1 : (double) matched / found;
        }

        double recall() {
            return expected == 0 ? 1 : (double) matched / expected;
        }

        @Override
        public String toString() {
            return "precision %.3f (%d/%d), recall %.3f (%d/%d)".formatted(precision(), matched, found, recall(), matched, expected);
        }
    }

    @BeforeAll
    static void readTheSeeds() {
        ExtractionPipeline pipeline = new ExtractionPipeline(Catalogue.load());
        List<GoldSet.Region> regions = GoldSet.regions();
        List<GoldSet.GoldFact> gold = GoldSet.facts();
        int matched = 0;
        int found = 0;
        int indicatorsRight = 0;
        int indicatorsFound = 0;
        for (GoldSet.Region region : regions) {
            List<Fact> read = pipeline.extract(GoldSet.document(region.doc())).facts().stream()
                    .filter(f -> region.contains(region.doc(), f.numberStart()))
                    .toList();
            found += read.size();
            Map<String, Deque<GoldSet.GoldFact>> expected = gold.stream()
                    .filter(g -> g.doc().equals(region.doc()))
                    .collect(Collectors.groupingBy(g -> key(g.value(), g.unit()), HashMap::new, Collectors.toCollection(ArrayDeque::new)));
            List<String> unexpected = new ArrayList<>();
            List<String> wrongIndicators = new ArrayList<>();
            for (Fact fact : read) {
                GoldSet.GoldFact pair = expected.getOrDefault(key(fact.value(), fact.unit()), new ArrayDeque<>()).poll();
                if (pair == null) {
                    unexpected.add(fact.value().toPlainString() + fact.unit() + " «" + fact.text() + "»");
                    continue;
                }
                matched++;
                if (fact.indicator() != null) {
                    indicatorsFound++;
                    indicatorsRight += Objects.equals(fact.indicator(), pair.indicator()) ? 1 : 0;
                }
                if (!Objects.equals(fact.indicator(), pair.indicator())) {
                    wrongIndicators.add(fact.value().toPlainString() + fact.unit() + " " + fact.indicator() + " for " + pair.indicator());
                }
            }
            System.out.println(region.doc() + " read but not annotated: " + unexpected);
            System.out.println(region.doc() + " mapped otherwise than annotated: " + wrongIndicators);
            System.out.println(region.doc() + " annotated but not read: " + expected.values().stream()
                    .flatMap(Deque::stream).map(g -> g.value().toPlainString() + g.unit()).toList());
        }
        long indicatorsExpected = gold.stream().filter(g -> g.indicator() != null).count();
        valueUnit = new Score(matched, found, gold.size());
        indicator = new Score(indicatorsRight, indicatorsFound, (int) indicatorsExpected);
        System.out.println("(value, unit): " + valueUnit);
        System.out.println("indicator:     " + indicator);
    }

    private static String key(java.math.BigDecimal value, String unit) {
        return value.stripTrailingZeros().toPlainString() + "|" + unit;
    }

    @Test
    void theGoldSetIsLargeEnoughToMeanSomething() {
        assertThat(GoldSet.facts()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(GoldSet.facts().stream().map(GoldSet.GoldFact::doc).distinct()).hasSize(3);
    }

    @Test
    void valuesAndUnitsAreReadPrecisely() {
        assertThat(valueUnit.precision()).as("precision of (value, unit): %s", valueUnit).isGreaterThanOrEqualTo(MIN_PRECISION);
    }

    @Test
    void valuesAndUnitsAreAllRead() {
        assertThat(valueUnit.recall()).as("recall of (value, unit): %s", valueUnit).isGreaterThanOrEqualTo(MIN_RECALL);
    }
}
