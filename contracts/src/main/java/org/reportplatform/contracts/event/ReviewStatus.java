package org.reportplatform.contracts.event;

/**
 * Where the review (逐级审核) of a version that counts stands: the city approves or returns it, the province accepts
 * it. Published with every step, so that figures can be computed from accepted data only.
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
    REOPENED
}
