package org.reportplatform.intake.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.problem.FieldError;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.contracts.problem.ProblemException;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.intake.domain.OutboxEvent;
import org.reportplatform.intake.domain.ReviewAction;
import org.reportplatform.intake.domain.ReviewRole;
import org.reportplatform.intake.domain.SeriesKey;
import org.reportplatform.intake.domain.Submission;
import org.reportplatform.intake.domain.SubmissionSeries;
import org.reportplatform.intake.domain.SubmissionStatus;
import org.reportplatform.intake.domain.SubmissionValue;
import org.reportplatform.intake.domain.SubmissionWarning;
import org.reportplatform.intake.outbox.OutboxRelay;
import org.reportplatform.intake.rest.SubmissionRequest;

/**
 * Accepts submissions: validates, stores them as a new version of their series and queues their event; or, when a soft
 * rule flags a value that carries no explanation, stores them held, unpublished, until a version explains it.
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);

    /** What a POST did: stored a new submission, or recognised a replay of one stored before. */
    public record Outcome(Submission submission, boolean created) {
    }

    private final SubmissionValidator validator;
    private final RuleChecker rules;
    private final RegionRegistry regions;
    private final OutboxRelay relay;
    private final MeterRegistry meters;
    private final String topic;

    SubmissionService(SubmissionValidator validator, RuleChecker rules, RegionRegistry regions, OutboxRelay relay,
                      MeterRegistry meters, @ConfigProperty(name = "platform.topics.submissions") String topic) {
        this.validator = validator;
        this.rules = rules;
        this.regions = regions;
        this.relay = relay;
        this.meters = meters;
        this.topic = topic;
    }

    public Outcome submit(SubmissionRequest request) {
        List<FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("invalid-submission", "Invalid submission", "提交内容有误", errors);
        }
        ValidSubmission submission = ValidSubmission.of(request, regions);
        String contentHash = submission.contentHash();
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> store(submission, contentHash));
        Submission stored = outcome.submission();
        if (outcome.created() && stored.status == SubmissionStatus.SUBMITTED) {
            LOG.infof("Accepted submission %s: %s %s, %s %s, version %d, %d values", stored.id, stored.region,
                    submission.region().name(), stored.dataset, stored.period, stored.version, stored.values.size());
            meters.counter("intake.submissions.accepted", "dataset", stored.dataset).increment();
            relay.wakeUp();
        } else if (outcome.created()) {
            // nothing to publish: the relay has no reason to wake up
            LOG.infof("Holding submission %s: %s %s, %s %s, version %d, until its flagged values are explained", stored.id,
                    stored.region, submission.region().name(), stored.dataset, stored.period, stored.version);
            meters.counter("intake.submissions.held", "dataset", stored.dataset).increment();
        }
        return outcome;
    }

    @Transactional
    public Submission find(UUID id) {
        return Submission.<Submission>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("no submission has this id"));
    }

    @Transactional
    public List<Submission> history(SeriesKey series) {
        return Submission.history(series);
    }

    private Outcome store(ValidSubmission submission, String contentHash) {
        // Key first, then series: every transaction takes them in this order, so they cannot deadlock.
        Submission.lockKey(submission.submissionKey());
        SubmissionSeries series = SubmissionSeries.lock(submission.series());
        // Looked up under the key lock, so a concurrent request with this key has committed by now.
        Optional<Submission> earlier = Submission.findByKey(submission.submissionKey());
        if (earlier.isPresent()) {
            if (!earlier.get().contentHash.equals(contentHash)) {
                throw new ProblemException(Problem.of("submission-key-conflict", "Submission key already used", 409,
                        "this submissionKey was used for a submission with other content; send a revision under a new key"));
            }
            return new Outcome(earlier.get(), false);
        }
        Submission.effective(series.key).ifPresent(SubmissionService::refuseIfAccepted);
        List<RuleChecker.Finding> warnings = softRuleFindings(submission);
        // A held version takes a version number all the same, so that versions stay in the order of arrival.
        Submission stored = newSubmission(submission, series.nextVersion(), contentHash, warnings);
        Submission.supersede(series.key, stored.status.replaces());
        stored.persist();
        if (stored.status == SubmissionStatus.SUBMITTED) {
            OutboxEvent.of(topic, stored, stored.receivedAt).persist();
        }
        return new Outcome(stored, true);
    }

    /** Accepted data is locked: only the province, by reopening it, lets a new version in. */
    private static void refuseIfAccepted(Submission effective) {
        effective.acceptedAt().ifPresent(acceptedAt -> {
            throw new ProblemException(Problem.of("series-accepted", "Series accepted", 409,
                    "version %d of this series was accepted by the province on %s; ask the province to reopen it"
                            .formatted(effective.version, acceptedAt)));
        });
    }

    /**
     * What the soft rules flag in the actual figures, against the previous year as stored here; the validator refused
     * what breaks the hard ones. A target may differ from last year's figure as much as the county aims.
     */
    private List<RuleChecker.Finding> softRuleFindings(ValidSubmission submission) {
        RuleChecker.PreviousYear previousYear = submission.period().previousYear()
                .flatMap(period -> Submission.effective(submission.seriesOf(period))
                        .map(earlier -> new RuleChecker.PreviousYear(period, earlier.reportedValues())))
                .orElse(RuleChecker.PreviousYear.NONE);
        return rules.check(submission.actualFigures(), previousYear).stream()
                .filter(finding -> !finding.isHard())
                .toList();
    }

    private static Submission newSubmission(ValidSubmission submission, int version, String contentHash,
                                            List<RuleChecker.Finding> warnings) {
        Submission stored = new Submission();
        stored.id = UUID.randomUUID();
        stored.submissionKey = submission.submissionKey();
        stored.region = submission.region().code().value();
        stored.dataset = submission.dataset().value();
        stored.period = submission.period().value();
        stored.version = version;
        boolean unexplained = warnings.stream()
                .anyMatch(warning -> !submission.explanations().containsKey(warning.position()));
        stored.status = unexplained ? SubmissionStatus.NEEDS_EXPLANATION : SubmissionStatus.SUBMITTED;
        stored.contentHash = contentHash;
        // PostgreSQL keeps microseconds: the answer to this POST shows what a later GET shows
        stored.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int position = 0; position < submission.values().size(); position++) {
            ReportedValue value = submission.values().get(position);
            stored.values.add(new SubmissionValue(value.indicator().value(), value.value(), value.status(), value.kind(),
                    submission.explanations().get(position)));
        }
        warnings.forEach(warning -> stored.warnings.add(new SubmissionWarning(warning.field(), warning.indicator().value(),
                warning.rule().id(), warning.message())));
        if (stored.status == SubmissionStatus.SUBMITTED) {
            // the county is who submits until authentication names a person
            stored.review(ReviewAction.SUBMIT, stored.region, ReviewRole.COUNTY, null, stored.receivedAt);
        }
        return stored;
    }
}
