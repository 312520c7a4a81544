package org.reportplatform.intake.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Catalogue;

/**
 * The reader against facts a person annotated in the seed reports: precision and recall of (value, unit) pairs
 * within the annotated regions, and of the indicator mapping of the pairs found, for the development set, the
 * held-out set and both. Gold and read facts of one (value, unit) are paired in text order.
 */
class GoldSetTest {

    private static final double MIN_PRECISION = 0.9;
    private static final double MIN_RECALL = 0.85;

    private static final Map<String, Tally> TALLIES = new LinkedHashMap<>();

    /** Counts of one set; {@code found} and {@code expected} are what precision and recall divide by. */
    static final class Tally {
        int matched;
        int found;
        int expected;
        int indicatorsRight;
        int indicatorsFound;
        int indicatorsExpected;

        void add(Tally other) {
            matched += other.matched;
            found += other.found;
            expected += other.expected;
            indicatorsRight += other.indicatorsRight;
            indicatorsFound += other.indicatorsFound;
            indicatorsExpected += other.indicatorsExpected;
        }

        double precision() {
            return found == 0 ? 1 : (double) matched / found;
        }

        double recall() {
            return expected == 0 ? 1 : (double) matched / expected;
        }

        @Override
        public String toString() {
            return "(value, unit) precision %.3f (%d/%d), recall %.3f (%d/%d); indicator precision %.3f (%d/%d), recall %.3f (%d/%d)"
                    .formatted(precision(), matched, found, recall(), matched, expected,
                            ratio(indicatorsRight, indicatorsFound), indicatorsRight, indicatorsFound,
                            ratio(indicatorsRight, indicatorsExpected), indicatorsRight, indicatorsExpected);
        }

        private static double ratio(int part, int whole) {
            return whole == 0 ? 1 : (double) part / whole;
        }
    }

    @BeforeAll
    static void readTheSeeds() {
        ExtractionPipeline pipeline = new ExtractionPipeline(Catalogue.load());
        List<GoldSet.GoldFact> gold = GoldSet.facts();
        Tally all = new Tally();
        for (GoldSet.Region region : GoldSet.regions()) {
            Tally tally = TALLIES.computeIfAbsent(region.set(), set -> new Tally());
            List<Fact> read = pipeline.extract(GoldSet.document(region.doc())).facts().stream()
                    .filter(f -> region.contains(f.numberStart()))
                    .toList();
            List<GoldSet.GoldFact> annotated = gold.stream()
                    .filter(g -> g.doc().equals(region.doc()) && g.set().equals(region.set()))
                    .toList();
            Map<String, Deque<GoldSet.GoldFact>> expected = annotated.stream()
                    .collect(Collectors.groupingBy(g -> key(g.value(), g.unit()), HashMap::new, Collectors.toCollection(ArrayDeque::new)));
            tally.found += read.size();
            tally.expected += annotated.size();
            tally.indicatorsExpected += (int) annotated.stream().filter(g -> g.indicator() != null).count();
            List<String> unexpected = new ArrayList<>();
            List<String> wrongIndicators = new ArrayList<>();
            for (Fact fact : read) {
                GoldSet.GoldFact pair = expected.getOrDefault(key(fact.value(), fact.unit()), new ArrayDeque<>()).poll();
                if (pair == null) {
                    unexpected.add(fact.value().toPlainString() + fact.unit() + " «" + fact.text() + "»");
                    continue;
                }
                tally.matched++;
                if (fact.indicator() != null) {
                    tally.indicatorsFound++;
                    tally.indicatorsRight += Objects.equals(fact.indicator(), pair.indicator()) ? 1 : 0;
                }
                if (!Objects.equals(fact.indicator(), pair.indicator())) {
                    wrongIndicators.add(fact.value().toPlainString() + fact.unit() + " " + fact.indicator() + " for " + pair.indicator());
                }
            }
            String where = region.doc() + " [" + region.start() + ", " + region.end() + ") ";
            System.out.println(where + "read but not annotated: " + unexpected);
            System.out.println(where + "mapped otherwise than annotated: " + wrongIndicators);
            System.out.println(where + "annotated but not read: " + expected.values().stream()
                    .flatMap(Deque::stream).map(g -> g.value().toPlainString() + g.unit()).toList());
        }
        TALLIES.values().forEach(all::add);
        TALLIES.put("all", all);
        TALLIES.forEach((set, tally) -> System.out.println(set + ": " + tally));
    }

    private static String key(BigDecimal value, String unit) {
        return value.stripTrailingZeros().toPlainString() + "|" + unit;
    }

    @Test
    void theGoldSetIsLargeEnoughToMeanSomething() {
        assertThat(GoldSet.facts()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(GoldSet.facts().stream().map(GoldSet.GoldFact::doc).distinct()).hasSize(3);
    }

    @Test
    void valuesAndUnitsAreReadPrecisely() {
        Tally all = TALLIES.get("all");
        assertThat(all.precision()).as("precision of (value, unit): %s", all).isGreaterThanOrEqualTo(MIN_PRECISION);
    }

    @Test
    void valuesAndUnitsAreAllRead() {
        Tally all = TALLIES.get("all");
        assertThat(all.recall()).as("recall of (value, unit): %s", all).isGreaterThanOrEqualTo(MIN_RECALL);
    }
}
