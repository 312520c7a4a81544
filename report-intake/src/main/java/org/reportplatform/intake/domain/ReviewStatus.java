package org.reportplatform.intake.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Where the review (逐级审核) of a version that counts stands: the city approves or returns it, the province accepts
 * it. Separate from {@link SubmissionStatus}, which says which version counts; a held version is never reviewed.
 */
public enum ReviewStatus {
    /** Waiting for the city's review. */
    SUBMITTED,
    /** The city approved it; waiting for the province. */
    APPROVED,
    /** The city sent it back with a comment: the county corrects it with a new version. */
    RETURNED,
    /** The province accepted it: its series is locked, a new version is refused until the province reopens it. */
    ACCEPTED,
    /** The province reopened it, saying why: waiting for the city's review again, and open to a new version. */
    REOPENED;

    /** The actions that may be taken from here, in the order of the workflow. */
    public List<ReviewAction> allowedActions() {
        return Arrays.stream(ReviewAction.values()).filter(action -> action.isAllowedFrom(this)).toList();
    }
}
