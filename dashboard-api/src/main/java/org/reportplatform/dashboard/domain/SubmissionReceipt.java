package org.reportplatform.dashboard.domain;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** That a unit submitted a form for a period: when first, and which version is the latest. */
@Entity
@Table(name = "submission_receipt")
public class SubmissionReceipt {

    @EmbeddedId
    public SubmissionReceiptId id;

    /** When the first version was submitted: what timeliness is judged by. */
    @Column(name = "first_submitted_at")
    public Instant firstSubmittedAt;

    @Column(name = "latest_version")
    public int latestVersion;

    @Column(name = "latest_submission_id")
    public UUID latestSubmissionId;

    @Column(name = "latest_submitted_at")
    public Instant latestSubmittedAt;
}
