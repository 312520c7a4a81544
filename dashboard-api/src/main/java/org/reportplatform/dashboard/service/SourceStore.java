package org.reportplatform.dashboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;

/**
 * Keeps every version of every submission with its values and the indicators it states: what completeness counts
 * and what a figure's lineage shows of the versions its county figures name.
 * Its review status follows the version's latest event; once accepted, a version stays accepted, as it does for the
 * figures of accepted data. A version is held or not for good (an explained one comes as a new version), so
 * redelivery changes nothing.
 */
@ApplicationScoped
public class SourceStore {

    private static final String UPSERT = """
            INSERT INTO source_submission (submission_id, region, dataset, period, version, submitted_at, review_status,
                                           accepted, reported, held, stated_actuals)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS jsonb), ?10, ?11)
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
                .setParameter(11, statedActuals(submission))
                .executeUpdate();
    }

    /** The indicators the version states as actual figures, reported or withheld as redacted: what completeness reads. */
    private static String[] statedActuals(SubmissionEvent submission) {
        return submission.values().stream()
                .filter(value -> value.kind() == ValueKind.ACTUAL && value.status() != ValueStatus.MISSING)
                .map(value -> value.indicator().value())
                .distinct()
                .toArray(String[]::new);
    }
}
