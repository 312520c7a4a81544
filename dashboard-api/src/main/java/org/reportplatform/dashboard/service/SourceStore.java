package org.reportplatform.dashboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.SubmissionEvent;

/**
 * Keeps every version of every submission with its values: what completeness counts and a figure's lineage lists.
 * Its review status follows the version's latest event; once accepted, a version stays accepted, as it does for the
 * figures of accepted data. A version is held or not for good (an explained one comes as a new version), so
 * redelivery changes nothing.
 */
@ApplicationScoped
public class SourceStore {

    private static final String UPSERT = """
            INSERT INTO source_submission (submission_id, region, dataset, period, version, submitted_at, review_status,
                                           accepted, reported, held)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS jsonb), ?10)
            ON CONFLICT (submission_id) DO UPDATE SET
                review_status = EXCLUDED.review_status,
                accepted = source_submission.accepted OR EXCLUDED.accepted""";

    private final EntityManager entityManager;

    SourceStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public void record(SubmissionEvent submission) {
        entityManager.createNativeQuery(UPSERT)
                .setParameter(1, submission.submissionId())
                .setParameter(2, submission.region().value())
                .setParameter(3, submission.dataset().value())
                .setParameter(4, submission.period().value())
                .setParameter(5, submission.version())
                .setParameter(6, submission.submittedAt())
                .setParameter(7, submission.reviewStatus().name())
                .setParameter(8, submission.isAccepted())
                .setParameter(9, EventJson.write(submission.values()))
                .setParameter(10, submission.held())
                .executeUpdate();
    }
}
