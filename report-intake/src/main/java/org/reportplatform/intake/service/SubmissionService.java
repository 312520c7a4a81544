package org.reportplatform.intake.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.problem.FieldError;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.contracts.problem.ProblemException;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.intake.domain.OutboxEvent;
import org.reportplatform.intake.domain.ReviewAction;
import org.reportplatform.intake.domain.ReviewRole;
import org.reportplatform.intake.domain.SeriesKey;
import org.reportplatform.intake.domain.Submission;
import org.reportplatform.intake.domain.SubmissionStatus;
import org.reportplatform.intake.domain.SubmissionStore;
import org.reportplatform.intake.domain.SubmissionValue;
import org.reportplatform.intake.domain.SubmissionWarning;
import org.reportplatform.intake.outbox.OutboxRelay;
import org.reportplatform.intake.rest.SubmissionRequest;

/**
 * Accepts submissions: validates, stores them as a new version of their series and queues their event. When a soft
 * rule flags a value that carries no explanation the version is held (待说明): stored and published flagged held, but
 * not counting, until a version explains it. A submission that leaves out required indicators of its form is stored
 * as partial, and values that disagree with the owner form's get a notice; neither holds it.
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);

    /** What a POST did: stored a new submission, or recognised a replay of one stored before. */
    public record Outcome(Submission submission, boolean created) {
    }

    private final SubmissionValidator validator;
    private final RuleChecker rules;
    private final OwnerFormNotices notices;
    private final RegionRegistry regions;
    private final Catalogue catalogue;
    private final SubmissionStore store;
    private final OutboxRelay relay;
    private final MeterRegistry meters;
    private final String topic;
    /** The validator's clock, so that "later than now" and "the period has ended" read the same moment. */
    private final Clock clock;

    SubmissionService(SubmissionValidator validator, RuleChecker rules, OwnerFormNotices notices, RegionRegistry regions,
                      Catalogue catalogue, SubmissionStore store, OutboxRelay relay, MeterRegistry meters,
                      @ConfigProperty(name = "platform.topics.submissions") String topic, Clock clock) {
        this.validator = validator;
        this.rules = rules;
        this.notices = notices;
        this.regions = regions;
        this.catalogue = catalogue;
        this.store = store;
        this.relay = relay;
        this.meters = meters;
        this.topic = topic;
        this.clock = clock;
    }

    /** Stores the submission; the caller was checked to be allowed to send it, {@code reportedAt} included. */
    public Outcome submit(SubmissionRequest request) {
        List<FieldError> errors = new ArrayList<>(validator.validate(request));
        Optional<Instant> reportedAt = checkReportedAt(request, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("invalid-submission", "Invalid submission", "提交内容有误", errors);
        }
        ValidSubmission submission = ValidSubmission.of(request, regions);
        String contentHash = submission.contentHash(reportedAt);
        Outcome outcome = store(submission, contentHash, reportedAt);
        Submission stored = outcome.submission();
        if (outcome.created()) {
            log(stored, submission, reportedAt);
            // a held version is published too, flagged held
            relay.wakeUp();
        }
        return outcome;
    }

    /** One line per stored submission: which one, which unit, and what an operator would look for. */
    private void log(Submission stored, ValidSubmission submission, Optional<Instant> reportedAt) {
        String reported = reportedAt.map(at -> ", reported " + at).orElse("");
        // the first few are enough to recognise the case in a log line; the submission lists them all
        String partial = stored.isPartial() ? ", partial: lacks " + stored.missingRequired.size() + " required ("
                + String.join(", ", stored.missingRequired.stream().limit(3).toList())
                + (stored.missingRequired.size() > 3 ? ", …)" : ")") : "";
        String notices = stored.notices.isEmpty() ? "" : ", " + stored.notices.size() + " notice(s)";
        if (stored.status == SubmissionStatus.SUBMITTED) {
            LOG.infof("Accepted submission %s: %s %s, %s %s, version %d, %d values%s%s%s", stored.id, stored.region,
                    submission.region().name(), stored.dataset, stored.period, stored.version, stored.values.size(),
                    reported, partial, notices);
            meters.counter("intake.submissions.accepted", "dataset", stored.dataset).increment();
        } else {
            LOG.infof("Holding submission %s: %s %s, %s %s, version %d, until its flagged values are explained%s%s%s",
                    stored.id, stored.region, submission.region().name(), stored.dataset, stored.period, stored.version,
                    reported, partial, notices);
            meters.counter("intake.submissions.held", "dataset", stored.dataset).increment();
        }
        stored.notices.forEach(notice -> LOG.debugf("Notice on submission %s: %s", stored.id, notice.message));
    }

    /**
     * The original report date of history being loaded: an instant no later than now and not before the period
     * began (in China time). A period the validator refused leaves only the first check.
     */
    private Optional<Instant> checkReportedAt(SubmissionRequest request, List<FieldError> errors) {
        if (request.reportedAt() == null) {
            return Optional.empty();
        }
        Instant reportedAt;
        try {
            // PostgreSQL keeps microseconds: the answer to this POST shows what a later GET shows
            reportedAt = Instant.parse(request.reportedAt()).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException notAnInstant) {
            errors.add(new FieldError("reportedAt", "is an ISO-8601 instant, e.g. 2021-01-20T09:30:00+08:00",
                    "应为 ISO-8601 时间，如 2021-01-20T09:30:00+08:00"));
            return Optional.empty();
        }
        if (reportedAt.isAfter(clock.instant())) {
            errors.add(new FieldError("reportedAt", "is later than now: a report cannot have been sent in the future",
                    "晚于当前时间：报送时间不能在未来"));
            return Optional.empty();
        }
        Optional<PeriodCode> period = parsedPeriod(request.period());
        Optional<Instant> periodStart = period.map(p -> p.start().atStartOfDay(SubmissionValidator.REPORTING_ZONE).toInstant());
        if (periodStart.filter(reportedAt::isBefore).isPresent()) {
            errors.add(new FieldError("reportedAt", "is before " + period.get() + " began (" + period.get().start()
                    + ", China time): a report cannot have been sent before its period",
                    "早于报告期 " + period.get() + " 开始（" + period.get().start() + "）：报送时间不能早于报告期"));
            return Optional.empty();
        }
        return Optional.of(reportedAt);
    }

    private static Optional<PeriodCode> parsedPeriod(String code) {
        try {
            return Optional.of(PeriodCode.of(code));
        } catch (IllegalArgumentException notAPeriod) {
            return Optional.empty();
        }
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

    /**
     * Reads what the checks need, builds the version, and stores it unless the series changed meanwhile; then it reads
     * again. Without a lock held between the two round trips, a replay or a concurrent use of the key is found by the
     * read or, if it committed in between, by the key's unique index.
     */
    private Outcome store(ValidSubmission submission, String contentHash, Optional<Instant> reportedAt) {
        Optional<SeriesKey> previousYear = submission.period().previousYear()
                .map(period -> submission.seriesOf(submission.dataset(), period));
        Set<SeriesKey> compared = new HashSet<>(notices.comparedSeries(submission));
        previousYear.ifPresent(compared::add);
        while (true) {
            SubmissionStore.Context context = store.read(submission.series(), submission.submissionKey(), compared);
            if (context.earlier().isPresent()) {
                return replay(context.earlier().get().id(), context.earlier().get().contentHash(), contentHash);
            }
            RuleChecker.PreviousYear lastYear = previousYear
                    .filter(series -> context.countingValues().containsKey(series))
                    .map(series -> new RuleChecker.PreviousYear(PeriodCode.of(series.period()), context.countingValuesOf(series)))
                    .orElse(RuleChecker.PreviousYear.NONE);
            // A held version takes a version number all the same, so that versions stay in the order of arrival.
            Submission stored = newSubmission(submission, context.latestVersion() + 1, contentHash,
                    softRuleFindings(submission, lastYear), reportedAt);
            stored.missingRequired.addAll(missingRequired(submission));
            stored.notices.addAll(notices.of(submission, context::countingValuesOf));
            // a held version goes out too, flagged held: consumers tell 待说明 from 未报 and do not count it
            OutboxEvent event = OutboxEvent.of(topic, stored, stored.receivedAt);
            SubmissionStore.Result result = store.submit(stored, stored.status.replaces(), reportedAt.isPresent(), event);
            switch (result.outcome()) {
                case STORED:
                    return new Outcome(stored, true);
                case STALE:
                    continue;
                case KEY_TAKEN:
                    Submission taken = QuarkusTransaction.requiringNew()
                            .call(() -> Submission.findByKey(submission.submissionKey()).orElseThrow());
                    return replay(taken.id, taken.contentHash, contentHash);
                case ACCEPTED:
                    throw seriesAccepted(result.version(), result.at().orElseThrow());
                case REPORTED_BEFORE_LATEST:
                    throw reportedBeforeLatest(result.version(), result.at().orElseThrow());
                default:
                    throw new IllegalStateException("unknown outcome " + result.outcome());
            }
        }
    }

    /** A key sent again: the submission stored under it when the content is the same, 409 when it is not. */
    private static Outcome replay(UUID earlierId, String earlierHash, String contentHash) {
        if (!earlierHash.equals(contentHash)) {
            throw new ProblemException(Problem.of("submission-key-conflict", "Submission key already used", 409,
                    "this submissionKey was used for a submission with other content; send a revision under a new key"));
        }
        return new Outcome(QuarkusTransaction.requiringNew().call(() -> Submission.<Submission>findById(earlierId)), false);
    }

    /** Versions keep the order of their report dates: a revision cannot have been reported before what it revises. */
    private static ProblemException reportedBeforeLatest(int latestVersion, Instant latestReportedAt) {
        return ProblemException.invalid("invalid-submission", "Invalid submission", "提交内容有误", List.of(new FieldError(
                "reportedAt", "is before " + latestReportedAt + ", when version " + latestVersion
                        + " of this series was reported: a revision is reported after the version it revises",
                "早于第 " + latestVersion + " 版的报送时间 " + latestReportedAt + "：修订版须在被修订版之后报送")));
    }

    /** Accepted data is locked: only the province, by reopening it, lets a new version in. */
    private static ProblemException seriesAccepted(int acceptedVersion, Instant acceptedAt) {
        return new ProblemException(Problem.of("series-accepted", "Series accepted", 409,
                "version %d of this series was accepted by the province on %s; ask the province to reopen it"
                        .formatted(acceptedVersion, acceptedAt)));
    }

    /** The required indicators of the form the submission does not state as actuals: a missing value is not stated. */
    private List<String> missingRequired(ValidSubmission submission) {
        List<IndicatorCode> statedActuals = submission.values().stream()
                .filter(value -> value.kind() == ValueKind.ACTUAL && value.status() != ValueStatus.MISSING)
                .map(ReportedValue::indicator)
                .toList();
        return catalogue.dataset(submission.dataset()).orElseThrow().requiredBeyond(statedActuals).stream()
                .map(IndicatorCode::value)
                .toList();
    }

    /**
     * What the soft rules flag in the actual figures, against the previous year as stored here; the validator refused
     * what breaks the hard ones. A target may differ from last year's figure as much as the county aims.
     */
    private List<RuleChecker.Finding> softRuleFindings(ValidSubmission submission, RuleChecker.PreviousYear previousYear) {
        return rules.check(submission.actualFigures(), previousYear).stream()
                .filter(finding -> !finding.isHard())
                .toList();
    }

    private static Submission newSubmission(ValidSubmission submission, int version, String contentHash,
                                            List<RuleChecker.Finding> warnings, Optional<Instant> reportedAt) {
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
        stored.submittedAt = reportedAt.orElse(stored.receivedAt);
        for (int position = 0; position < submission.values().size(); position++) {
            ReportedValue value = submission.values().get(position);
            stored.values.add(new SubmissionValue(value.indicator().value(), value.value(), value.status(), value.kind(),
                    submission.explanations().get(position)));
        }
        warnings.forEach(warning -> stored.warnings.add(new SubmissionWarning(warning.field(), warning.indicator().value(),
                warning.rule().id(), warning.message())));
        if (stored.status == SubmissionStatus.SUBMITTED) {
            // the county is who submits until authentication names a person
            stored.review(ReviewAction.SUBMIT, stored.region, ReviewRole.COUNTY, null, stored.submittedAt);
        }
        return stored;
    }
}
