package org.reportplatform.dashboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.dashboard.domain.SubmissionReceiptRepository;

/**
 * Records the submissions topic as receipts. The topic is at least once and may reorder revisions, so the upsert is
 * commutative: the earliest submission time and the highest version win, whatever order events come in, and a
 * repeated event changes nothing.
 */
@ApplicationScoped
public class SubmissionReceiptStore {

    // the intake numbers versions in the order it stores them, so the earliest time is the first version's
    private static final String UPSERT = """
            INSERT INTO submission_receipt (region, dataset, period, first_submitted_at, latest_version,
                                            latest_submission_id, latest_submitted_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?4)
            ON CONFLICT (region, dataset, period) DO UPDATE SET
                first_submitted_at = LEAST(submission_receipt.first_submitted_at, EXCLUDED.first_submitted_at),
                latest_version = GREATEST(submission_receipt.latest_version, EXCLUDED.latest_version),
                latest_submission_id = CASE WHEN EXCLUDED.latest_version > submission_receipt.latest_version
                    THEN EXCLUDED.latest_submission_id ELSE submission_receipt.latest_submission_id END,
                latest_submitted_at = CASE WHEN EXCLUDED.latest_version > submission_receipt.latest_version
                    THEN EXCLUDED.latest_submitted_at ELSE submission_receipt.latest_submitted_at END""";

    private final SubmissionReceiptRepository repository;

    SubmissionReceiptStore(SubmissionReceiptRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public void record(SubmissionEvent submission) {
        repository.getEntityManager().createNativeQuery(UPSERT)
                .setParameter(1, submission.region().value())
                .setParameter(2, submission.dataset().value())
                .setParameter(3, submission.period().value())
                .setParameter(4, submission.submittedAt())
                .setParameter(5, submission.version())
                .setParameter(6, submission.submissionId())
                .executeUpdate();
    }
}
