package org.reportplatform.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.catalogue.Direction;
import org.reportplatform.dashboard.service.Ranking.Ranked;

class RankingTest {

    /** A sibling region with its value, null when it has none. */
    record Sibling(String name, BigDecimal value) {
    }

    @Test
    void tiesShareARankAndTheNextRankIsSkipped() {
        List<Ranked<Sibling>> ranked = rank(Direction.HIGHER, "a=5", "b=9", "c=7", "d=9", "e=1");

        assertThat(ranked).extracting(r -> r.item().name(), Ranked::rank)
                .containsExactly(tuple("b", 1), tuple("d", 1), tuple("c", 3), tuple("a", 4), tuple("e", 5));
    }

    @Test
    void valuesOfDifferentScaleTie() {
        assertThat(rank(Direction.HIGHER, "a=2.0", "b=2.00", "c=1")).extracting(Ranked::rank).containsExactly(1, 1, 3);
    }

    @Test
    void lowerIsBetterRanksTheSmallestFirst() {
        assertThat(rank(Direction.LOWER, "a=0.5", "b=1.2", "c=0.3", "d=0.5"))
                .extracting(r -> r.item().name(), Ranked::rank)
                .containsExactly(tuple("c", 1), tuple("a", 2), tuple("d", 2), tuple("b", 4));
    }

    @Test
    void noDirectionRanksTheLargestFirst() {
        assertThat(rank(Direction.NONE, "a=1", "b=3", "c=2"))
                .extracting(r -> r.item().name()).containsExactly("b", "c", "a");
    }

    @Test
    void siblingsWithoutAValueHaveNoRankAndComeLastInInputOrder() {
        assertThat(rank(Direction.HIGHER, "a=", "b=4", "c=", "d=4", "e=2"))
                .extracting(r -> r.item().name(), Ranked::rank)
                .containsExactly(tuple("b", 1), tuple("d", 1), tuple("e", 3), tuple("a", null), tuple("c", null));
    }

    @Test
    void nothingToRank() {
        assertThat(rank(Direction.HIGHER)).isEmpty();
        assertThat(rank(Direction.LOWER, "a=", "b=")).extracting(Ranked::rank).containsExactly(null, null);
    }

    @Test
    void partialSiblingsAreListedApartWithoutARank() {
        List<Sibling> siblings = List.of(sibling("a", "5"), sibling("b", "90"), sibling("c", "7"), sibling("d", null),
                sibling("e", "60"), sibling("f", "7"));
        // b and e reported only some of their units: larger, but no rivals of the complete ones
        List<Ranked<Sibling>> ranked = Ranking.rankApart(siblings, Sibling::value,
                sibling -> !List.of("b", "e").contains(sibling.name()), Direction.HIGHER);

        assertThat(ranked).extracting(r -> r.item().name(), Ranked::rank).containsExactly(
                tuple("c", 1), tuple("f", 1), tuple("a", 3), tuple("b", null), tuple("e", null), tuple("d", null));
    }

    private static Sibling sibling(String name, String value) {
        return new Sibling(name, value == null ? null : new BigDecimal(value));
    }

    /** Siblings written {@code name=value}, with an empty value for none. */
    private static List<Ranked<Sibling>> rank(Direction better, String... siblings) {
        List<Sibling> items = Arrays.stream(siblings)
                .map(s -> s.split("=", -1))
                .map(parts -> new Sibling(parts[0], parts[1].isEmpty() ? null : new BigDecimal(parts[1])))
                .toList();
        return Ranking.rank(items, Sibling::value, better);
    }
}
