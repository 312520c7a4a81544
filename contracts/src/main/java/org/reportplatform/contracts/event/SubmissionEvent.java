package org.reportplatform.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/**
 * A stored submission as published on {@code platform.topics.submissions}, keyed by {@link #topicKey()}: once when it is
 * stored, and again, with the same version and values, at every step of its review. The version orders revisions
 * of one (region, dataset, period); consumers keep the highest and ignore repeats.
 *
 * @param reviewStatus where its review stands; events written before reviews were published carry none, and are
 *                     {@link ReviewStatus#SUBMITTED}
 * @param held         held until the unit explains values a soft rule flagged (待说明): published so that completeness
 *                     can tell it from a unit that sent nothing, never counted in a figure; false in events from before
 */
public record SubmissionEvent(
        UUID submissionId,
        String submissionKey,
        RegionCode region,
        DatasetCode dataset,
        PeriodCode period,
        int version,
        Instant submittedAt,
        List<ReportedValue> values,
        ReviewStatus reviewStatus,
        boolean held) {

    public SubmissionEvent {
        values = List.copyOf(values);
        reviewStatus = reviewStatus == null ? ReviewStatus.SUBMITTED : reviewStatus;
    }

    /** A version that counts: not held for an explanation. */
    public SubmissionEvent(UUID submissionId, String submissionKey, RegionCode region, DatasetCode dataset,
                           PeriodCode period, int version, Instant submittedAt, List<ReportedValue> values,
                           ReviewStatus reviewStatus) {
        this(submissionId, submissionKey, region, dataset, period, version, submittedAt, values, reviewStatus, false);
    }

    /**
     * The key on the submissions topic: the province of the submitting unit, so that one partition, and so one
     * Kafka Streams task, holds every unit of a province with its cities and the province itself (docs/adr/0018).
     */
    public String topicKey() {
        return region.province().value();
    }

    @JsonIgnore
    public boolean isAccepted() {
        return reviewStatus == ReviewStatus.ACCEPTED;
    }

    /** The same version at another step of its review. */
    public SubmissionEvent withReviewStatus(ReviewStatus status) {
        return new SubmissionEvent(submissionId, submissionKey, region, dataset, period, version, submittedAt, values, status,
                held);
    }
}
