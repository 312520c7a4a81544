package org.reportplatform.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/** The version counter of one series; its row lock serialises concurrent revisions so versions never collide. */
@Entity
@Table(name = "submission_series")
public class SubmissionSeries extends PanacheEntityBase {

    @EmbeddedId
    public SeriesKey key;

    @Column(name = "latest_version", nullable = false)
    public int latestVersion;

    /**
     * Creates the series row if this is its first submission, then locks it until the transaction ends.
     * ON CONFLICT DO NOTHING lets two first submissions race without a unique violation.
     */
    public static SubmissionSeries lock(SeriesKey key) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO submission_series (region, dataset, period, latest_version)
                        VALUES (?1, ?2, ?3, 0)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, key.region())
                .setParameter(2, key.dataset())
                .setParameter(3, key.period())
                .executeUpdate();
        return findById(key, LockModeType.PESSIMISTIC_WRITE);
    }

    public int nextVersion() {
        return ++latestVersion;
    }
}
