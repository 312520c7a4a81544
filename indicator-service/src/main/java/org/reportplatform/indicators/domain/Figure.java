package org.reportplatform.indicators.domain;

import java.util.List;
import org.reportplatform.contracts.event.CountedSubmission;

/**
 * A region's tally of one indicator, period, kind and basis as this service keeps it.
 *
 * @param sources for a reporting unit, the submission versions its contribution is made of
 *                ({@link UnitStatements#sourcesOf}); empty for a city or the province, whose lineage is the union of
 *                their units'
 */
public record Figure(Tally tally, List<CountedSubmission> sources) {

    public Figure {
        sources = List.copyOf(sources);
    }

    /** A city's or the province's figure: a sum of its units' tallies. */
    public static Figure ofRegion(Tally tally) {
        return new Figure(tally, List.of());
    }
}
