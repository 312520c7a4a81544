package org.reportplatform.indicators.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.event.CountedSubmission;
import org.reportplatform.contracts.event.ReportedValue;

/**
 * What one form of a unit states for one period: its submission for that period, or its submissions for shorter
 * periods rolled up over time.
 *
 * @param statedAt   when the latest statement in it was submitted: which form wins where two state one indicator and
 *                   neither is the indicator's owner form
 * @param values     the statements that cover the whole period, reported or withheld
 * @param incomplete the statements made for some of the period's sub-periods but not all: no value for the period
 * @param sources    per statement (of {@code values} and {@code incomplete}), the submission versions it is made of:
 *                   one for a submission of the period, each sub-period's that states it for a roll-up
 */
public record FormStatement(DatasetCode dataset, Instant statedAt, List<ReportedValue> values, Set<Statement> incomplete,
                            Map<Statement, List<CountedSubmission>> sources) {

    public FormStatement {
        values = List.copyOf(values);
        incomplete = Set.copyOf(incomplete);
        sources = Map.copyOf(sources);
    }

    public static FormStatement of(StoredSubmission submission) {
        List<CountedSubmission> itself = List.of(submission.counted());
        return new FormStatement(submission.dataset(), submission.submittedAt(), submission.values(), Set.of(),
                submission.values().stream().map(Statement::of).distinct()
                        .collect(Collectors.toMap(Function.identity(), statement -> itself)));
    }

    /** The submission versions the form's statement is made of; empty when the form does not state it. */
    public List<CountedSubmission> sourcesOf(Statement statement) {
        return sources.getOrDefault(statement, List.of());
    }
}
