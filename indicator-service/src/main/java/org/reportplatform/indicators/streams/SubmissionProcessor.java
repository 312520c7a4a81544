package org.reportplatform.indicators.streams;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.AggregateKey;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.period.PeriodType;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.indicators.domain.FormStatement;
import org.reportplatform.indicators.domain.PeriodRollUp;
import org.reportplatform.indicators.domain.Tally;
import org.reportplatform.indicators.domain.UnitStatements;
import org.reportplatform.indicators.streams.DeadLetters.Category;
import org.reportplatform.indicators.streams.SubmissionOutcome.Contribution;

/**
 * Applies each submission to its unit's latest state and emits how the unit's contributions change, keyed
 * {@code indicator|region|period|kind|basis}: the new {@link Tally}, or null when the unit no longer states it.
 * A record that cannot be applied is emitted as a {@link DeadLetters dead letter} instead, and the stream goes on.
 * <p>
 * Two states are kept per unit, one per {@link Basis}: the latest version received of every series, and the latest
 * version the province accepted. A submission changes its own period and every longer period it rolls up into
 * ({@link PeriodCode#enclosingPeriods()}), for actuals and targets alike; a submission of targets for a longer
 * period (an annual target of a quarterly form) changes that period only. Neither a submission held for an
 * explanation nor a city's or the province's own targets changes a figure: both are skipped, not dead letters.
 * <p>
 * The relay publishes at least once and partitions may be replayed, so a version not newer than the stored one is
 * ignored. Submissions arrive keyed by province, so every form of one unit is in this task's stores: no repartition.
 */
final class SubmissionProcessor implements Processor<String, String, String, SubmissionOutcome> {

    /**
     * {@code region|period|dataset} → the latest submission of that form: for one of the form's own periods, or for
     * a longer period it holds targets of.
     */
    static final String LATEST_SUBMISSIONS = "latest-submissions";
    /** {@code region|period|dataset} → the latest accepted submission of that form. */
    static final String ACCEPTED_SUBMISSIONS = "accepted-submissions";

    private static final Logger LOG = Logger.getLogger(SubmissionProcessor.class);
    private static final String SEPARATOR = "|";

    private final Catalogue catalogue;
    private final RegionRegistry regions;
    private final PeriodRollUp rollUp;
    private final DeadLetters deadLetters;
    private ProcessorContext<String, SubmissionOutcome> context;
    private final Map<Basis, KeyValueStore<String, SubmissionEvent>> stores = new EnumMap<>(Basis.class);

    SubmissionProcessor(Catalogue catalogue, RegionRegistry regions, DeadLetters deadLetters) {
        this.catalogue = catalogue;
        this.regions = regions;
        this.rollUp = new PeriodRollUp(catalogue);
        this.deadLetters = deadLetters;
    }

    @Override
    public void init(ProcessorContext<String, SubmissionOutcome> context) {
        this.context = context;
        stores.put(Basis.RECEIVED, context.getStateStore(LATEST_SUBMISSIONS));
        stores.put(Basis.ACCEPTED, context.getStateStore(ACCEPTED_SUBMISSIONS));
    }

    @Override
    public void process(Record<String, String> record) {
        readUsable(record).ifPresent(submission -> {
            warnOfUnknownIndicators(submission);
            apply(Basis.RECEIVED, submission, record);
            if (submission.isAccepted()) {
                apply(Basis.ACCEPTED, submission, record);
            }
        });
    }

    /**
     * The submission in the record, or empty for a record nothing can be done with, which goes to the dead letters.
     * Intake checks every submission against the same regions and catalogue before it publishes it: what fails here
     * was written by something else, or by a broken release, and waits in the dead letters to be fixed and resent.
     */
    private Optional<SubmissionEvent> readUsable(Record<String, String> record) {
        if (record.value() == null) {
            return deadLetter(record, Category.EMPTY, "an empty record");
        }
        SubmissionEvent submission;
        try {
            submission = EventJson.read(record.value(), SubmissionEvent.class);
        } catch (IllegalArgumentException e) {
            return deadLetter(record, Category.UNREADABLE, "an unreadable submission (" + e.getMessage() + ")");
        }
        if (submission.region() == null || submission.dataset() == null || submission.period() == null
                || submission.submittedAt() == null) {
            return deadLetter(record, Category.INCOMPLETE,
                    "submission " + submission.submissionId() + " without region, dataset, period or time");
        }
        String which = "submission " + submission.submissionId()
                + " (" + submission.region() + " " + submission.dataset() + " " + submission.period() + " version "
                + submission.version() + ")";
        Optional<Region> region = regions.find(submission.region());
        if (region.isPresent() && !region.get().isReportingUnit() && holdsTargetsOnly(submission)) {
            // a city's or the province's own targets (下达): the dashboard reads them, no unit's figure holds them
            LOG.infof("Skipped %s: targets of %s as a whole, not of a reporting unit", which, submission.region());
            return Optional.empty();
        }
        if (!region.map(Region::isReportingUnit).orElse(false)) {
            return deadLetter(record, Category.NOT_A_REPORTING_UNIT,
                    which + ": " + submission.region() + " is not a county-level reporting unit");
        }
        if (!submission.topicKey().equals(record.key())) {
            // another partition may hold this unit's other forms, or its province: applying it here would split state
            return deadLetter(record, Category.MISKEYED,
                    which + " keyed " + record.key() + " instead of by its province " + submission.topicKey());
        }
        Optional<Dataset> form = catalogue.dataset(submission.dataset());
        if (form.isEmpty()) {
            return deadLetter(record, Category.UNKNOWN_FORM,
                    which + ": the catalogue has no form " + submission.dataset());
        }
        if (form.get().periodType() != submission.period().type() && !isTargetOfLongerPeriod(form.get(), submission)) {
            // its figures would be rolled up over time together with the form's own periods
            return deadLetter(record, Category.WRONG_PERIOD_TYPE, which + ": " + submission.dataset()
                    + " is reported per " + form.get().periodType() + " period; " + submission.period() + " is "
                    + submission.period().type());
        }
        if (submission.held()) {
            // not a dead letter: intake publishes it again, released, once the unit has explained its values
            LOG.infof("Skipped %s: held for an explanation, it counts in no figure until it is released", which);
            return Optional.empty();
        }
        return Optional.of(submission);
    }

    private static boolean holdsTargetsOnly(SubmissionEvent submission) {
        return submission.values().stream().allMatch(value -> value.kind() == ValueKind.TARGET);
    }

    /**
     * A submission of targets only for a longer period that the form's own periods make up: an annual target of a
     * quarterly form, which no quarter states. A year to date (2020YTD09) has no target of its own: it is a stage of
     * the year.
     */
    private static boolean isTargetOfLongerPeriod(Dataset form, SubmissionEvent submission) {
        PeriodCode period = submission.period();
        return period.type() != PeriodType.YEAR_TO_DATE && holdsTargetsOnly(submission)
                && period.subPeriods().stream().anyMatch(sub -> sub.type() == form.periodType());
    }

    private Optional<SubmissionEvent> deadLetter(Record<String, String> record, Category category, String reason) {
        context.forward(deadLetters.of(record, context.recordMetadata(), category, reason));
        return Optional.empty();
    }

    /**
     * Codes the catalogue does not know are left out of every figure while the rest of the submission is applied:
     * one unknown code must not hold back a unit's other figures. Intake refuses them, so they say that this
     * service runs an older catalogue than intake.
     */
    private void warnOfUnknownIndicators(SubmissionEvent submission) {
        List<IndicatorCode> unknown = submission.values().stream()
                .map(ReportedValue::indicator)
                .filter(code -> catalogue.indicator(code).isEmpty())
                .distinct()
                .toList();
        if (!unknown.isEmpty()) {
            LOG.warnf("Submission %s (%s %s %s version %d) names indicators the catalogue does not know, left out: %s",
                    submission.submissionId(), submission.region(), submission.dataset(), submission.period(),
                    submission.version(), unknown);
        }
    }

    private void apply(Basis basis, SubmissionEvent submission, Record<String, String> record) {
        KeyValueStore<String, SubmissionEvent> store = stores.get(basis);
        String storeKey = storeKeyPrefix(submission.region(), submission.period()) + submission.dataset().value();
        SubmissionEvent previous = store.get(storeKey);
        if (previous != null && previous.version() >= submission.version()) {
            logIgnored(basis, submission, previous);
            return;
        }
        List<PeriodCode> periods = new ArrayList<>();
        periods.add(submission.period());
        if (isOfFormPeriod(submission)) {
            // a target set for a longer period is that period's alone: it rolls up into nothing longer
            periods.addAll(submission.period().enclosingPeriods());
        }
        Map<PeriodCode, Collection<FormStatement>> before = new LinkedHashMap<>();
        periods.forEach(period -> before.put(period, formsOf(store, submission.region(), period)));
        store.put(storeKey, submission);

        Collection<Indicator> affected = affectedIndicators(previous, submission);
        int changed = 0;
        for (PeriodCode period : periods) {
            Collection<FormStatement> after = formsOf(store, submission.region(), period);
            for (ValueKind kind : ValueKind.values()) {
                UnitStatements old = new UnitStatements(before.get(period), kind, catalogue);
                UnitStatements now = new UnitStatements(after, kind, catalogue);
                for (Indicator indicator : affected) {
                    Optional<Tally> was = old.contributionTo(indicator);
                    Optional<Tally> is = now.contributionTo(indicator);
                    if (!was.equals(is)) {
                        AggregateKey key = new AggregateKey(indicator.code(), submission.region(), period, kind, basis);
                        context.forward(record.withKey(key.toString())
                                .<SubmissionOutcome>withValue(new Contribution(is.orElse(null))));
                        changed++;
                    }
                }
            }
        }
        LOG.infof("Applied %s %s %s version %d (%s, %s): %d contributions changed over %s",
                submission.region(), submission.dataset(), submission.period(), submission.version(),
                submission.reviewStatus(), basis.json(), changed, periods);
    }

    private static void logIgnored(Basis basis, SubmissionEvent submission, SubmissionEvent previous) {
        if (previous.version() == submission.version()) {
            // review steps republish a version: nothing changes for the figures of this basis
            LOG.debugf("Ignored a repeat of %s %s %s version %d (%s) for %s figures", submission.region(),
                    submission.dataset(), submission.period(), submission.version(), submission.reviewStatus(),
                    basis.json());
        } else {
            LOG.infof("Ignored %s %s %s version %d for %s figures: version %d is already applied",
                    submission.region(), submission.dataset(), submission.period(), submission.version(),
                    basis.json(), previous.version());
        }
    }

    /**
     * True for a submission of one of its form's own periods, false for the targets of a longer period. A stored
     * submission of a form the catalogue no longer has passed the period check when it came: it is of its own.
     */
    private boolean isOfFormPeriod(SubmissionEvent submission) {
        return catalogue.dataset(submission.dataset()).map(form -> form.periodType() == submission.period().type())
                .orElse(true);
    }

    /**
     * What each of the unit's forms states for the period: its submission for the period when that is one of the
     * form's own periods; otherwise its submissions for the form's own periods within it, rolled up to the period's
     * end, with the targets it set for the period itself. Submitted targets of other longer periods (a half-year's,
     * when the period is the year) belong to those periods only.
     */
    private Collection<FormStatement> formsOf(KeyValueStore<String, SubmissionEvent> store, RegionCode region,
                                              PeriodCode period) {
        Map<DatasetCode, SubmissionEvent> ofPeriod = new LinkedHashMap<>();
        Map<DatasetCode, List<SubmissionEvent>> ofSubPeriods = new LinkedHashMap<>();
        for (int year = period.start().getYear(); year <= period.end().getYear(); year++) {
            // every period code of a year starts with the year: 2020, 2020Q3, 202009, 2020AY, 2020T1, 2020YTD09
            try (KeyValueIterator<String, SubmissionEvent> stored =
                         store.prefixScan(region.value() + SEPARATOR + year, new StringSerializer())) {
                stored.forEachRemaining(entry -> {
                    SubmissionEvent submission = entry.value;
                    if (submission.period().equals(period)) {
                        ofPeriod.put(submission.dataset(), submission);
                    } else if (isOfFormPeriod(submission) && submission.period().enclosingPeriods().contains(period)) {
                        ofSubPeriods.computeIfAbsent(submission.dataset(), form -> new ArrayList<>()).add(submission);
                    }
                });
            }
        }
        List<FormStatement> forms = new ArrayList<>();
        for (DatasetCode form : Stream.concat(ofPeriod.keySet().stream(), ofSubPeriods.keySet().stream())
                .distinct().toList()) {
            Optional<SubmissionEvent> direct = Optional.ofNullable(ofPeriod.get(form));
            if (direct.filter(this::isOfFormPeriod).isPresent()) {
                forms.add(FormStatement.of(direct.get()));
            } else {
                List<SubmissionEvent> subPeriods = ofSubPeriods.getOrDefault(form, List.of());
                PeriodType formPeriods = catalogue.dataset(form).map(Dataset::periodType)
                        .orElseGet(() -> subPeriods.get(0).period().type());
                forms.add(rollUp.over(period, formPeriods, direct, subPeriods));
            }
        }
        return forms;
    }

    /** The trailing separator keeps period 2020 from matching 202009. */
    private static String storeKeyPrefix(RegionCode region, PeriodCode period) {
        return region.value() + SEPARATOR + period.value() + SEPARATOR;
    }

    /**
     * Every indicator whose contribution the new version can change: those the old or the new version states, and
     * the ratios and averages built on them. Codes the catalogue does not know cannot be aggregated and are left out.
     */
    private Collection<Indicator> affectedIndicators(SubmissionEvent previous, SubmissionEvent submission) {
        SortedMap<IndicatorCode, Indicator> affected = new TreeMap<>();
        Stream.concat(Stream.ofNullable(previous), Stream.of(submission))
                .flatMap(s -> s.values().stream())
                .map(ReportedValue::indicator)
                .forEach(code -> {
                    catalogue.indicator(code).ifPresent(indicator -> affected.put(code, indicator));
                    catalogue.dependentsOf(code).forEach(dependent -> affected.put(dependent.code(), dependent));
                });
        return affected.values();
    }
}
