package org.reportplatform.indicators.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.SubmissionEvent;

/**
 * What one form of a unit states for one period: its submission for that period, or its submissions for shorter
 * periods rolled up over time.
 *
 * @param statedAt   when the latest statement in it was submitted: which form wins where two state one indicator and
 *                   neither is the indicator's owner form
 * @param values     the statements that cover the whole period, reported or withheld
 * @param incomplete the statements made for some of the period's sub-periods but not all: no value for the period
 */
public record FormStatement(DatasetCode dataset, Instant statedAt, List<ReportedValue> values, Set<Statement> incomplete) {

    public FormStatement {
        values = List.copyOf(values);
        incomplete = Set.copyOf(incomplete);
    }

    public static FormStatement of(SubmissionEvent submission) {
        return new FormStatement(submission.dataset(), submission.submittedAt(), submission.values(), Set.of());
    }
}
