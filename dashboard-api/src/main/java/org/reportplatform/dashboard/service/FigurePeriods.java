package org.reportplatform.dashboard.service;

import java.util.Optional;
import java.util.stream.Stream;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.period.PeriodType;

/**
 * The periods one figure is read in. A longer period of a sub-period form (a half-year or year of a quarterly form)
 * is served to one cut-off for every unit: the latest of it to date that has a figure (2024 as 2024S1 while no unit
 * has sent the third quarter), never a mix of each unit's latest quarter.
 *
 * @param asked    the period asked for
 * @param covered  what the figure covers: the asked period, or the asked period to its cut-off
 * @param cutOff   the last sub-period of the form the figure counts (2024Q2); null for a period of the form's own type,
 *                 one its sub-periods do not make up, or while no sub-period has a figure
 * @param previous the covered period a year earlier, what a year-over-year change compares with; null in the first year
 * @param target   the period whose target completion is measured against: the asked one, the whole year for a year to
 *                 date (progress against the annual target, 时间过半任务过半)
 */
record FigurePeriods(PeriodCode asked, PeriodCode covered, PeriodCode cutOff, PeriodCode previous, PeriodCode target) {

    /** A period read as it is: of the form's own type, of an indicator no form holds, or without a figure yet. */
    static FigurePeriods asIs(PeriodCode asked) {
        return new FigurePeriods(asked, asked, null, asked.previousYear().orElse(null), targetPeriodOf(asked));
    }

    /** The asked period covered to {@code covered}, counted in sub-periods of {@code formType}. */
    static FigurePeriods toDate(PeriodCode asked, PeriodCode covered, PeriodType formType) {
        PeriodCode cutOff = PeriodCode.containing(covered.end(), formType)
                .filter(last -> last.end().equals(covered.end()))
                .orElse(null);
        return new FigurePeriods(asked, covered, cutOff, covered.previousYear().orElse(null), targetPeriodOf(asked));
    }

    private static PeriodCode targetPeriodOf(PeriodCode asked) {
        return asked.type() == PeriodType.YEAR_TO_DATE
                ? PeriodCode.containing(asked.start(), PeriodType.YEARLY).orElseThrow()
                : asked;
    }

    /** Every period the answer reads rows of. */
    Stream<PeriodCode> read() {
        return Stream.of(Optional.of(covered), Optional.ofNullable(previous), Optional.of(target))
                .flatMap(Optional::stream).distinct();
    }
}
