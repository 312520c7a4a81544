package org.reportplatform.indicators.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.Quotient;

/**
 * What a set of reporting units contributes to one indicator of one region and period: the running sums every
 * aggregation rule needs. Tallies add when a unit's statement arrives and subtract exactly when it is revised or
 * withdrawn, so a region's tally is always the sum of its units' latest contributions. All arithmetic is exact
 * ({@link BigDecimal}); only {@link #valueUnder} divides.
 *
 * @param sum            Σ value (SUM, NONE)
 * @param numerator      Σ numerator (RATIO) or Σ value × weight (AVERAGE_WEIGHTED)
 * @param denominator    Σ denominator (RATIO) or Σ weight (AVERAGE_WEIGHTED)
 * @param maxCandidates  every value stated (MAX), ascending with repeats: a retractable multiset, so withdrawing
 *                       the largest value reveals the next one
 * @param reportingUnits units whose values are in the sums
 * @param withheldUnits  units that stated the figure (or a component) redacted or missing
 * @param incompleteUnits units that stated the figure (or a component) for some but not every sub-period of a longer
 *                        period: left out of the sums, which would otherwise mix cut-offs
 */
public record Tally(
        BigDecimal sum,
        BigDecimal numerator,
        BigDecimal denominator,
        List<BigDecimal> maxCandidates,
        int reportingUnits,
        int withheldUnits,
        int incompleteUnits) {


    public static final Tally EMPTY = new Tally(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), 0, 0, 0);

    /** A unit that stated the figure, or a component it needs, as redacted or missing. */
    public static final Tally WITHHELD = new Tally(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), 0, 1, 0);

    /** A unit that stated the figure, or a component it needs, for only some of a longer period's sub-periods. */
    public static final Tally INCOMPLETE =
            new Tally(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), 0, 0, 1);

    public Tally {
        maxCandidates = List.copyOf(maxCandidates);
    }

    /** One unit's value of an additive indicator. */
    public static Tally ofValue(BigDecimal value) {
        return new Tally(value, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), 1, 0, 0);
    }

    /** One unit's value of an indicator whose regions take the largest value. */
    public static Tally ofMaxCandidate(BigDecimal value) {
        return new Tally(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of(value), 1, 0, 0);
    }

    /** One unit's components of a ratio or weighted average. */
    public static Tally ofQuotient(BigDecimal numerator, BigDecimal denominator) {
        return new Tally(BigDecimal.ZERO, numerator, denominator, List.of(), 1, 0, 0);
    }

    public Tally plus(Tally other) {
        List<BigDecimal> merged = new ArrayList<>(maxCandidates);
        merged.addAll(other.maxCandidates);
        merged.sort(BigDecimal::compareTo);
        return new Tally(sum.add(other.sum), numerator.add(other.numerator), denominator.add(other.denominator),
                merged, reportingUnits + other.reportingUnits, withheldUnits + other.withheldUnits,
                incompleteUnits + other.incompleteUnits);
    }

    /** The tally without {@code other}, which must have been added before: anything else would be a lost update. */
    public Tally minus(Tally other) {
        List<BigDecimal> remaining = new ArrayList<>(maxCandidates);
        for (BigDecimal candidate : other.maxCandidates) {
            int index = Collections.binarySearch(remaining, candidate);
            if (index < 0) {
                throw new IllegalArgumentException("cannot retract " + candidate + ", never added to " + this);
            }
            remaining.remove(index);
        }
        int reporting = reportingUnits - other.reportingUnits;
        int withheld = withheldUnits - other.withheldUnits;
        int incomplete = incompleteUnits - other.incompleteUnits;
        if (reporting < 0 || withheld < 0 || incomplete < 0) {
            throw new IllegalArgumentException("cannot retract " + other + " from " + this);
        }
        return new Tally(sum.subtract(other.sum), numerator.subtract(other.numerator),
                denominator.subtract(other.denominator), remaining, reporting, withheld, incomplete);
    }

    /**
     * True when no unit contributes anything, not even a withheld or incomplete statement: the region has no figure.
     */
    public boolean coversNoUnit() {
        return reportingUnits == 0 && withheldUnits == 0 && incompleteUnits == 0;
    }

    /**
     * The figure under the indicator's rule: Σ value (SUM, NONE), the largest value (MAX), Σ numerator × factor /
     * Σ denominator (RATIO), Σ(value × weight) / Σ weight (AVERAGE_WEIGHTED). Null when no unit reported, or the
     * denominator sums to zero.
     */
    public BigDecimal valueUnder(Indicator indicator) {
        if (reportingUnits == 0) {
            return null;
        }
        return switch (indicator.rule()) {
            case SUM, NONE -> sum;
            case MAX -> maxCandidates.get(maxCandidates.size() - 1);
            case RATIO -> Quotient.of(numerator.multiply(indicator.factor()), denominator);
            case AVERAGE_WEIGHTED -> Quotient.of(numerator, denominator);
        };
    }
}
