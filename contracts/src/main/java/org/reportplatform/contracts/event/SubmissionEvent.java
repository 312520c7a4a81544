package org.reportplatform.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/**
 * A stored submission as published on {@code platform.topics.submissions}, keyed by region code. The version
 * orders revisions of one (region, dataset, period); consumers keep the highest and ignore repeats.
 */
public record SubmissionEvent(
        UUID submissionId,
        String submissionKey,
        RegionCode region,
        DatasetCode dataset,
        PeriodCode period,
        int version,
        Instant submittedAt,
        List<ReportedValue> values) {

    public SubmissionEvent {
        values = List.copyOf(values);
    }
}
