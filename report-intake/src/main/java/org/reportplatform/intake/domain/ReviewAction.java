package org.reportplatform.intake.domain;

import static org.reportplatform.contracts.event.ReviewStatus.ACCEPTED;
import static org.reportplatform.contracts.event.ReviewStatus.APPROVED;
import static org.reportplatform.contracts.event.ReviewStatus.REOPENED;
import static org.reportplatform.contracts.event.ReviewStatus.RETURNED;
import static org.reportplatform.contracts.event.ReviewStatus.SUBMITTED;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.reportplatform.contracts.event.ReviewStatus;

/** A step of the review: who may take it, from which states, where it leads and whether it must say why. */
public enum ReviewAction {
    /** Storing a version that counts; taken by POSTing a submission, never through a transition. */
    SUBMIT(ReviewRole.COUNTY, Set.of(), SUBMITTED, false),
    APPROVE(ReviewRole.REVIEWER, Set.of(SUBMITTED, REOPENED), APPROVED, false),
    /** The county must know what to correct. */
    RETURN(ReviewRole.REVIEWER, Set.of(SUBMITTED, REOPENED), RETURNED, true),
    ACCEPT(ReviewRole.PROVINCE, Set.of(APPROVED), ACCEPTED, false),
    /** Unlocking accepted data is the exception the statistics rules want justified. */
    REOPEN(ReviewRole.PROVINCE, Set.of(ACCEPTED), REOPENED, true);

    private final ReviewRole role;
    private final Set<ReviewStatus> from;
    private final ReviewStatus target;
    private final boolean needsComment;

    ReviewAction(ReviewRole role, Set<ReviewStatus> from, ReviewStatus target, boolean needsComment) {
        this.role = role;
        this.from = from;
        this.target = target;
        this.needsComment = needsComment;
    }

    public ReviewRole role() {
        return role;
    }

    public ReviewStatus target() {
        return target;
    }

    public boolean needsComment() {
        return needsComment;
    }

    public boolean isAllowedFrom(ReviewStatus status) {
        return from.contains(status);
    }

    /** The actions that may be taken from the status, in the order of the workflow. */
    public static List<ReviewAction> allowedFrom(ReviewStatus status) {
        return Arrays.stream(values()).filter(action -> action.isAllowedFrom(status)).toList();
    }

    /** As the API spells it: {@code approve}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
