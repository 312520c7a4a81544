package org.reportplatform.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/**
 * A county's submission of one form for one period, as received; never changed afterwards but for its status and
 * its review, whose every step it records.
 */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "submission_key", nullable = false, length = 128)
    public String submissionKey;

    @Column(name = "region", nullable = false, length = 6)
    public String region;

    @Column(name = "dataset", nullable = false, length = 64)
    public String dataset;

    @Column(name = "period", nullable = false, length = 16)
    public String period;

    @Column(name = "version", nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 24)
    public SubmissionStatus status;

    /** Where the review of this version stands; null for a held version, which never counted. */
    @Enumerated(EnumType.STRING)
    @Column(name = "review_status", length = 16)
    public ReviewStatus reviewStatus;

    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /**
     * When the unit reported it: {@link #receivedAt}, or the original report date of history the province loads
     * ({@code reportedAt}); what timeliness is computed from.
     */
    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Always read with the submission: no view of one is complete without its values. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "submission_value", joinColumns = @JoinColumn(name = "submission_id"))
    @OrderColumn(name = "position")
    public List<SubmissionValue> values = new ArrayList<>();

    /** What soft rules flagged, explained or not: reviewers see both the warning and the value's explanation. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "submission_warning", joinColumns = @JoinColumn(name = "submission_id"))
    @OrderColumn(name = "position")
    public List<SubmissionWarning> warnings = new ArrayList<>();

    /** The required indicators of its form it does not state as actuals: empty for a full report. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "submission_missing_required", joinColumns = @JoinColumn(name = "submission_id"))
    @OrderColumn(name = "position")
    @Column(name = "indicator", nullable = false, length = 64)
    public List<String> missingRequired = new ArrayList<>();

    /** Where its values of indicators several forms hold differ from the owner form's by more than 1%. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "submission_notice", joinColumns = @JoinColumn(name = "submission_id"))
    @OrderColumn(name = "position")
    public List<SubmissionNotice> notices = new ArrayList<>();

    /** Every step of this version's review, oldest first, its submission included. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_transition", joinColumns = @JoinColumn(name = "submission_id"))
    @OrderColumn(name = "position")
    public List<ReviewTransition> transitions = new ArrayList<>();

    public static Optional<Submission> findByKey(String submissionKey) {
        return find("submissionKey", submissionKey).firstResultOptional();
    }

    /** The versions of one series, newest first. */
    public static List<Submission> history(SeriesKey series) {
        return list("region = ?1 and dataset = ?2 and period = ?3 order by version desc",
                series.region(), series.dataset(), series.period());
    }

    /**
     * The submission as published: its values, and where its review stands now; a held version is published flagged
     * held, so that completeness tells it from a unit that sent nothing.
     */
    public SubmissionEvent toEvent() {
        List<ReportedValue> published = values.stream()
                .map(v -> new ReportedValue(IndicatorCode.of(v.indicator), v.value == null ? null : Numbers.canonical(v.value),
                        v.status, v.kind))
                .toList();
        return new SubmissionEvent(id, submissionKey, RegionCode.of(region), DatasetCode.of(dataset), PeriodCode.of(period),
                version, submittedAt, published, reviewStatus, status == SubmissionStatus.NEEDS_EXPLANATION);
    }

    /** Takes a review action and records it; the caller checked that it may be taken. */
    public void review(ReviewAction action, String actor, ReviewRole role, String comment, Instant at) {
        transitions.add(new ReviewTransition(action, reviewStatus, actor, role, comment, at));
        reviewStatus = action.target();
    }

    public SeriesKey series() {
        return new SeriesKey(region, dataset, period);
    }

    /** A submission that leaves out required indicators of its form: it counts with the values it has. */
    public boolean isPartial() {
        return !missingRequired.isEmpty();
    }
}
