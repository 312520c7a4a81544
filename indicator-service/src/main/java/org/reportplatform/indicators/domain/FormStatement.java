package org.reportplatform.indicators.domain;

import java.time.Instant;
import java.util.List;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.SubmissionEvent;

/**
 * What one form of a unit states for one period: its submission for that period, or its submissions for shorter
 * periods rolled up over time.
 *
 * @param statedAt when the latest statement in it was submitted: which form wins where two state one indicator
 */
public record FormStatement(DatasetCode dataset, Instant statedAt, List<ReportedValue> values) {

    public FormStatement {
        values = List.copyOf(values);
    }

    public static FormStatement of(SubmissionEvent submission) {
        return new FormStatement(submission.dataset(), submission.submittedAt(), submission.values());
    }
}
