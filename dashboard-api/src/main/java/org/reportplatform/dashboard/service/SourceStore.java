package org.reportplatform.dashboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.dashboard.domain.SubmissionReceiptRepository;

/**
 * Keeps every version of every submission with its values, for the lineage of figures. Its review status follows the
 * version's latest event; once accepted, a version stays accepted, as it does for the figures of accepted data.
 * Redelivery changes nothing.
 */
@ApplicationScoped
public class SourceStore {

    private static final String UPSERT = """
            INSERT INTO source_submission (submission_id, region, dataset, period, version, submitted_at, review_status,
                                           accepted, reported)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS jsonb))
            ON CONFLICT (submission_id) DO UPDATE SET
                review_status = EXCLUDED.review_status,
                accepted = source_submission.accepted OR EXCLUDED.accepted""";

    private final SubmissionReceiptRepository repository;

    SourceStore(SubmissionReceiptRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public void record(SubmissionEvent submission) {
        repository.getEntityManager().createNativeQuery(UPSERT)
                .setParameter(1, submission.submissionId())
                .setParameter(2, submission.region().value())
                .setParameter(3, submission.dataset().value())
                .setParameter(4, submission.period().value())
                .setParameter(5, submission.version())
                .setParameter(6, submission.submittedAt())
                .setParameter(7, submission.reviewStatus().name())
                .setParameter(8, submission.isAccepted())
                .setParameter(9, EventJson.write(submission.values()))
                .executeUpdate();
    }
}
