package org.reportplatform.indicators.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.event.CountedSubmission;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.period.PeriodCode;

/**
 * What this service keeps of a unit's latest version of one form for one period: what its figures and their lineage
 * need, no more (the unit is in the store key; review status and submission key are not needed once applied).
 */
public record StoredSubmission(UUID submissionId, DatasetCode dataset, PeriodCode period, int version,
                               Instant submittedAt, List<ReportedValue> values) {

    public StoredSubmission {
        values = List.copyOf(values);
    }

    public static StoredSubmission of(SubmissionEvent submission) {
        return new StoredSubmission(submission.submissionId(), submission.dataset(), submission.period(),
                submission.version(), submission.submittedAt(), submission.values());
    }

    /** This version as the lineage of a figure names it. */
    public CountedSubmission counted() {
        return new CountedSubmission(submissionId, dataset, period, version);
    }
}
