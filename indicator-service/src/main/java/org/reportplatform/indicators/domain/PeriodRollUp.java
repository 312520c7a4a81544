package org.reportplatform.indicators.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Temporal;
import org.reportplatform.contracts.event.CountedSubmission;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.period.PeriodType;

/**
 * One unit's statements of one form over a longer period (a half-year, a year or a year to date of a quarterly form,
 * a quarter of a monthly one), from its submissions for the form's own periods within it, all to one cut-off: the
 * end of the longer period. A statement of an indicator counts only when the unit stated it (reported or withheld)
 * for every one of those sub-periods: a flow then sums them, a stock takes the last sub-period's value, never a sum
 * and never an older sub-period standing in for it. A flow withheld in any sub-period is withheld for the whole: a
 * sum without it would pass for the total. Stated for some sub-periods but not all, the statement is incomplete: a
 * figure of the longer period leaves the unit out rather than mix its first quarter with others' whole year.
 * <p>
 * Targets follow the same rule, except that a target the unit set for the longer period itself (an annual target of
 * a quarterly form, sent as a submission for the year holding only targets) wins over its sub-periods' targets.
 */
public final class PeriodRollUp {

    private final Catalogue catalogue;

    public PeriodRollUp(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param period      the longer period, which the form's periods make up
     * @param formPeriods the type of the form's own periods
     * @param direct      the form's submission for the longer period itself: targets only
     * @param subPeriods  the form's submissions for its own periods within the longer one; with {@code direct}, not
     *                    both empty
     */
    public FormStatement over(PeriodCode period, PeriodType formPeriods, Optional<StoredSubmission> direct,
                              List<StoredSubmission> subPeriods) {
        Map<PeriodCode, StoredSubmission> byPeriod = subPeriods.stream()
                .collect(Collectors.toMap(StoredSubmission::period, Function.identity()));
        List<PeriodCode> required = periodsWithin(period, formPeriods);
        Map<Statement, ReportedValue> targetsOfPeriod = new LinkedHashMap<>();
        direct.ifPresent(submission -> submission.values().stream()
                .filter(value -> value.kind() == ValueKind.TARGET)
                .forEach(value -> targetsOfPeriod.putIfAbsent(Statement.of(value), value)));

        Set<Statement> stated = new LinkedHashSet<>();
        required.stream().map(byPeriod::get).filter(Objects::nonNull)
                .flatMap(submission -> submission.values().stream())
                .filter(value -> catalogue.indicator(value.indicator()).isPresent())
                .forEach(value -> stated.add(Statement.of(value)));
        List<ReportedValue> values = new ArrayList<>();
        Set<Statement> incomplete = new LinkedHashSet<>();
        Map<Statement, List<CountedSubmission>> sources = new LinkedHashMap<>();
        for (Statement statement : stated) {
            if (targetsOfPeriod.containsKey(statement)) {
                continue;
            }
            List<ReportedValue> bySubPeriod = required.stream().map(sub -> valueOf(byPeriod.get(sub), statement)).toList();
            sources.put(statement, required.stream().map(byPeriod::get)
                    .filter(submission -> valueOf(submission, statement) != null)
                    .map(StoredSubmission::counted)
                    .toList());
            if (bySubPeriod.stream().anyMatch(Objects::isNull)) {
                incomplete.add(statement);
            } else if (catalogue.indicator(statement.indicator()).orElseThrow().temporal() == Temporal.FLOW) {
                values.add(bySubPeriod.stream().reduce(PeriodRollUp::sum).orElseThrow());
            } else {
                values.add(bySubPeriod.get(bySubPeriod.size() - 1));
            }
        }
        values.addAll(targetsOfPeriod.values());
        direct.ifPresent(submission -> targetsOfPeriod.keySet()
                .forEach(statement -> sources.put(statement, List.of(submission.counted()))));

        List<StoredSubmission> all = Stream.concat(direct.stream(), subPeriods.stream()).toList();
        Instant statedAt = all.stream().map(StoredSubmission::submittedAt).max(Comparator.naturalOrder()).orElseThrow();
        return new FormStatement(all.get(0).dataset(), statedAt, values, incomplete, sources);
    }

    /** The periods of the type that make up the longer period, in order. */
    private static List<PeriodCode> periodsWithin(PeriodCode period, PeriodType type) {
        List<PeriodCode> within = new ArrayList<>();
        LocalDate day = period.start();
        while (!day.isAfter(period.end())) {
            PeriodCode sub = PeriodCode.containing(day, type).orElseThrow();
            within.add(sub);
            day = sub.end().plusDays(1);
        }
        return within;
    }

    /** What the sub-period's submission states of it; null when there is no submission or it does not state it. */
    private static ReportedValue valueOf(StoredSubmission submission, Statement statement) {
        if (submission == null) {
            return null;
        }
        return submission.values().stream().filter(value -> Statement.of(value).equals(statement)).findFirst().orElse(null);
    }

    private static ReportedValue sum(ReportedValue earlier, ReportedValue later) {
        if (!earlier.isReported()) {
            return earlier;
        }
        if (!later.isReported()) {
            return later;
        }
        BigDecimal total = earlier.value().add(later.value());
        return new ReportedValue(earlier.indicator(), total, ValueStatus.REPORTED, earlier.kind());
    }
}
