package org.reportplatform.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.SubmissionEvent;

/** A Kafka record waiting to be published, written in the same transaction as the submission it announces. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "topic", nullable = false, length = 249)
    public String topic;

    @Column(name = "message_key", nullable = false, length = 64)
    public String messageKey;

    @Column(name = "payload", nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;

    protected OutboxEvent() {
    }

    private OutboxEvent(String topic, String messageKey, String payload, UUID submissionId, Instant createdAt) {
        this.topic = topic;
        this.messageKey = messageKey;
        this.payload = payload;
        this.submissionId = submissionId;
        this.createdAt = createdAt;
    }

    /**
     * The submission's event as it stands now, keyed by the unit's province so that every event of a unit, and of
     * every unit of the province, stays in order on one partition: once when it is stored, again at every step of its
     * review.
     */
    public static OutboxEvent of(String topic, Submission submission, Instant at) {
        SubmissionEvent event = submission.toEvent();
        return new OutboxEvent(topic, event.topicKey(), EventJson.write(event), submission.id, at);
    }
}
