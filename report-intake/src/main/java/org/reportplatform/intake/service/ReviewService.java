package org.reportplatform.intake.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.access.Caller;
import org.reportplatform.contracts.access.Callers;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.problem.FieldError;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.contracts.problem.ProblemException;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.intake.domain.OutboxEvent;
import org.reportplatform.intake.domain.ReviewAction;
import org.reportplatform.intake.domain.ReviewRole;
import org.reportplatform.intake.domain.ReviewTransition;
import org.reportplatform.intake.domain.Submission;
import org.reportplatform.intake.domain.SubmissionSeries;
import org.reportplatform.intake.domain.SubmissionStatus;
import org.reportplatform.intake.outbox.OutboxRelay;
import org.reportplatform.intake.rest.TransitionRequest;

/**
 * The review (逐级审核) of the version of a series that counts: the city approves or returns it, the province accepts
 * it, which locks the series, or reopens it. Every step is recorded with the submission.
 */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    private static final int MAX_ACTOR_LENGTH = 128;
    /** Submitting is a POST of a submission, never a transition; the county's role is not a reviewing one. */
    private static final List<ReviewAction> REQUESTABLE_ACTIONS = Arrays.stream(ReviewAction.values())
            .filter(action -> action != ReviewAction.SUBMIT).toList();
    private static final List<ReviewRole> REVIEWING_ROLES = List.of(ReviewRole.REVIEWER, ReviewRole.PROVINCE);

    /** A request whose every field is valid. */
    private record Review(ReviewAction action, String actor, ReviewRole role, String comment) {
    }

    private final RegionRegistry regions;
    private final OutboxRelay relay;
    private final MeterRegistry meters;
    private final String topic;

    ReviewService(RegionRegistry regions, OutboxRelay relay, MeterRegistry meters,
                  @ConfigProperty(name = "platform.topics.submissions") String topic) {
        this.regions = regions;
        this.relay = relay;
        this.meters = meters;
        this.topic = topic;
    }

    /** Takes the action on the submission and answers it as it now stands. */
    public Submission review(UUID id, TransitionRequest request, Caller caller) {
        Review review = validate(request);
        Role needed = review.role() == ReviewRole.REVIEWER ? Role.REVIEWER : Role.PROVINCE;
        if (!caller.has(needed)) {
            throw Callers.forbidden("to " + review.action().wireName() + " the token must carry the role "
                    + needed.groupName(), "此审核操作（" + review.action().wireName() + "）需要令牌具有角色 " + needed.groupName());
        }
        Submission reviewed = QuarkusTransaction.requiringNew().call(() -> apply(id, review, caller));
        ReviewTransition step = reviewed.transitions.get(reviewed.transitions.size() - 1);
        String regionName = regions.find(RegionCode.of(reviewed.region)).map(Region::name).orElse(null);
        LOG.infof("Review of submission %s: %s %s, %s %s, version %d: %s → %s by %s (%s, token of %s)", reviewed.id,
                reviewed.region, regionName, reviewed.dataset, reviewed.period, reviewed.version, step.fromState,
                step.toState, step.actor, step.role.wireName(), caller.name());
        meters.counter("intake.reviews", "action", step.action.wireName()).increment();
        relay.wakeUp();
        return reviewed;
    }

    private static Review validate(TransitionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Optional<ReviewAction> action = oneOf(request.action(), REQUESTABLE_ACTIONS, ReviewAction::wireName, "action", errors);
        Optional<ReviewRole> role = oneOf(request.role(), REVIEWING_ROLES, ReviewRole::wireName, "role", errors);
        action.ifPresent(chosen -> role.filter(stated -> stated != chosen.role()).ifPresent(stated ->
                errors.add(new FieldError("role", "a " + stated.wireName() + " may not " + chosen.wireName()
                        + ": only the " + chosen.role().wireName() + " may"))));
        checkActor(request.actor(), errors);
        String comment = isBlank(request.comment()) ? null : request.comment();
        if (comment == null) {
            action.filter(ReviewAction::needsComment).ifPresent(chosen ->
                    errors.add(new FieldError("comment", "is required to " + chosen.wireName() + ": say why",
                            "执行 " + chosen.wireName() + " 须填写意见：说明原因")));
        } else {
            FreeText.problemOf("comment", comment).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("invalid-transition", "Invalid transition", "审核操作有误", errors);
        }
        return new Review(action.orElseThrow(), request.actor(), role.orElseThrow(), comment);
    }

    private Submission apply(UUID id, Review review, Caller caller) {
        Submission submission = Submission.<Submission>findByIdOptional(id)
                .filter(found -> caller.covers(RegionCode.of(found.region), regions))
                .orElseThrow(() -> ProblemException.notFound("no submission has this id"));
        // Revisions change which version counts under the series lock: read the submission again once it is ours.
        SubmissionSeries.lock(submission.series());
        Submission.getEntityManager().refresh(submission);
        if (submission.status != SubmissionStatus.SUBMITTED) {
            throw conflict("not-current-version", "Not the version that counts",
                    "version %d is %s: only the version of a series that counts can be reviewed"
                            .formatted(submission.version, submission.status));
        }
        if (!review.action().isAllowedFrom(submission.reviewStatus)) {
            throw conflict("illegal-transition", "Transition not allowed", describeAllowed(submission.reviewStatus));
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        submission.review(review.action(), review.actor(), review.role(), review.comment(), at);
        // figures of accepted data follow the review: every step is published with the submission's values
        OutboxEvent.of(topic, submission, at).persist();
        return submission;
    }

    private static String describeAllowed(ReviewStatus current) {
        List<ReviewAction> allowed = ReviewAction.allowedFrom(current);
        return allowed.isEmpty()
                ? "the submission is " + current + ": no review action is allowed; the county corrects it with a new version"
                : "the submission is " + current + "; allowed actions: "
                        + allowed.stream().map(ReviewAction::wireName).collect(Collectors.joining(", "));
    }

    private static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(Problem.of(slug, title, 409, detail));
    }

    /** The value of {@code field} among {@code allowed}, by its wire name; a field error when it is none of them. */
    private static <T> Optional<T> oneOf(String text, List<T> allowed, Function<T, String> wireName,
                                         String field, List<FieldError> errors) {
        if (isBlank(text)) {
            errors.add(new FieldError(field, "is required"));
            return Optional.empty();
        }
        Optional<T> match = allowed.stream().filter(candidate -> wireName.apply(candidate).equals(text)).findFirst();
        if (match.isEmpty()) {
            errors.add(new FieldError(field, "must be one of "
                    + allowed.stream().map(wireName).collect(Collectors.joining(", "))));
        }
        return match;
    }

    /** The actor goes into every log line of a review: one line of plain text. */
    private static void checkActor(String actor, List<FieldError> errors) {
        if (isBlank(actor)) {
            errors.add(new FieldError("actor", "is required"));
        } else if (actor.codePointCount(0, actor.length()) > MAX_ACTOR_LENGTH) {
            errors.add(new FieldError("actor", "has at most " + MAX_ACTOR_LENGTH + " characters"));
        } else if (actor.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("actor", "may contain no control characters"));
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
