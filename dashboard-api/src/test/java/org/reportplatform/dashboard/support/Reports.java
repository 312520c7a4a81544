package org.reportplatform.dashboard.support;

import java.math.BigDecimal;
import java.util.List;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.contracts.event.SubmissionEvent;

/** Submissions as the completeness of a form judges them: full reports, and versions held for an explanation. */
public final class Reports {

    private static final Catalogue CATALOGUE = Catalogue.load();

    private Reports() {
    }

    /** The submission stating every indicator its form requires, each reported as 1. */
    public static SubmissionEvent full(SubmissionEvent submission) {
        Dataset form = CATALOGUE.dataset(submission.dataset()).orElseThrow();
        return Events.withValues(submission, form.requiredIndicators().stream()
                .map(indicator -> new ReportedValue(indicator, BigDecimal.ONE, ValueStatus.REPORTED))
                .toArray(ReportedValue[]::new));
    }

    /** Version {@code version} of a unit's form as a full report ({@link Events#submission}). */
    public static SubmissionEvent full(String region, String dataset, String period, int version, String submittedAt) {
        return full(Events.submission(region, dataset, period, version, submittedAt));
    }

    /** The same version, held until the unit explains a value a soft rule flagged. */
    public static SubmissionEvent held(SubmissionEvent submission) {
        return new SubmissionEvent(submission.submissionId(), submission.submissionKey(), submission.region(),
                submission.dataset(), submission.period(), submission.version(), submission.submittedAt(),
                submission.values(), submission.reviewStatus(), true);
    }

    /** The first {@code count} values of a full report: a partial one. */
    public static SubmissionEvent firstValuesOf(SubmissionEvent submission, int count) {
        List<ReportedValue> values = full(submission).values().subList(0, count);
        return Events.withValues(submission, values.toArray(ReportedValue[]::new));
    }
}
