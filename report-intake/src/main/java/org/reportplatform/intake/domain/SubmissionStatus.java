package org.reportplatform.intake.domain;

/** Where a submission stands in the history of its (region, dataset, period). */
public enum SubmissionStatus {
    /** The newest version of its series. */
    SUBMITTED,
    /** A newer version of the same series replaced it; it stays in the history. */
    SUPERSEDED
}
