package org.reportplatform.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.reportplatform.contracts.event.ReviewStatus;

/** One step of a version's review, for the record: who took which action, when and why. */
@Embeddable
public class ReviewTransition {

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 16)
    public ReviewAction action;

    /** Null for the submission itself, where the review starts. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 16)
    public ReviewStatus fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, length = 16)
    public ReviewStatus toState;

    /** The name the reviewer sent; for the submission, the county's region code. */
    @Column(name = "actor", nullable = false, length = 128)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    public ReviewRole role;

    @Column(name = "comment", length = 500)
    public String comment;

    @Column(name = "at", nullable = false)
    public Instant at;

    protected ReviewTransition() {
    }

    public ReviewTransition(ReviewAction action, ReviewStatus fromState, String actor, ReviewRole role, String comment,
                            Instant at) {
        this.action = action;
        this.fromState = fromState;
        this.toState = action.target();
        this.actor = actor;
        this.role = role;
        this.comment = comment;
        this.at = at;
    }
}
