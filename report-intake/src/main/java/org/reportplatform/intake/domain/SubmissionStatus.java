package org.reportplatform.intake.domain;

import java.util.List;

/** Where a submission stands in the history of its (region, dataset, period). */
public enum SubmissionStatus {
    /** The version of its series that counts: the newest one accepted, published to Kafka. */
    SUBMITTED,
    /**
     * Held (待说明): a soft rule flagged a value that carries no explanation. It is published flagged held, so that
     * completeness tells it from a unit that sent nothing, but never counts: the SUBMITTED version, if any, keeps
     * counting until a version with explanations replaces both.
     */
    NEEDS_EXPLANATION,
    /** A newer version of the same series replaced it; it stays in the history. */
    SUPERSEDED;

    /** The statuses of the earlier versions that a new version in this status replaces. */
    public List<SubmissionStatus> replaces() {
        return switch (this) {
            case SUBMITTED -> List.of(SUBMITTED, NEEDS_EXPLANATION);
            // a newer held version makes an older one moot, but cannot unseat the version that counts
            case NEEDS_EXPLANATION -> List.of(NEEDS_EXPLANATION);
            case SUPERSEDED -> List.of();
        };
    }
}
