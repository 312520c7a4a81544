package org.reportplatform.dashboard.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.reportplatform.contracts.catalogue.Direction;

/**
 * Competition ranking among siblings ("1224"): tied values share a rank and the ranks after a tie are skipped.
 * Only {@link Direction#LOWER} ranks the smallest value first; HIGHER and NONE rank the largest first.
 */
public final class Ranking {

    /** An item with its rank, or a null rank when it has no value to rank. */
    public record Ranked<T>(T item, Integer rank) {
    }

    private Ranking() {
    }

    /**
     * The complete items in rank order, then the partial ones (a figure of only some of its units) unranked in the
     * same order, then those without a value: a region that reported half its units is no rival of one that reported
     * all of them, whichever figure is larger.
     */
    public static <T> List<Ranked<T>> rankApart(List<T> items, Function<T, BigDecimal> valueOf, Predicate<T> complete,
                                                Direction better) {
        List<T> withValue = items.stream().filter(item -> valueOf.apply(item) != null).toList();
        List<Ranked<T>> ranked = rank(withValue.stream().filter(complete).toList(), valueOf, better);
        Stream<Ranked<T>> partial = rank(withValue.stream().filter(complete.negate()).toList(), valueOf, better).stream()
                .map(entry -> new Ranked<>(entry.item(), null));
        Stream<Ranked<T>> withoutValue = items.stream().filter(item -> valueOf.apply(item) == null)
                .map(item -> new Ranked<>(item, null));
        return Stream.of(ranked.stream(), partial, withoutValue).flatMap(Function.identity()).toList();
    }

    /**
     * The items in rank order, those without a value last. Ties and unranked items keep their input order,
     * so callers decide how ties are listed by how they order the input.
     */
    public static <T> List<Ranked<T>> rank(List<T> items, Function<T, BigDecimal> valueOf, Direction better) {
        // compareTo, not equals: 2.0 and 2.00 are a tie
        Comparator<BigDecimal> bestFirst = better == Direction.LOWER ? Comparator.naturalOrder() : Comparator.reverseOrder();
        List<T> withValue = items.stream()
                .filter(item -> valueOf.apply(item) != null)
                .sorted(Comparator.comparing(valueOf, bestFirst))
                .toList();
        List<Ranked<T>> ranked = new ArrayList<>(items.size());
        for (int position = 0; position < withValue.size(); position++) {
            T item = withValue.get(position);
            boolean tiesPrevious = position > 0
                    && valueOf.apply(withValue.get(position - 1)).compareTo(valueOf.apply(item)) == 0;
            int rank = tiesPrevious ? ranked.get(position - 1).rank() : position + 1;
            ranked.add(new Ranked<>(item, rank));
        }
        items.stream()
                .filter(item -> valueOf.apply(item) == null)
                .forEach(item -> ranked.add(new Ranked<>(item, null)));
        return ranked;
    }
}
