package org.reportplatform.indicators.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;
import org.reportplatform.contracts.catalogue.AggregationRule;
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
import org.reportplatform.indicators.domain.Figure;
import org.reportplatform.indicators.domain.FormStatement;
import org.reportplatform.indicators.domain.PeriodRollUp;
import org.reportplatform.indicators.domain.StoredSubmission;
import org.reportplatform.indicators.domain.Tally;
import org.reportplatform.indicators.domain.UnitStatements;
import org.reportplatform.indicators.streams.DeadLetters.Category;
import org.reportplatform.indicators.streams.SubmissionOutcome.ChangedFigure;

/**
 * Applies each submission to its unit's latest state and to every figure above it, all in this task's stores, and
 * publishes the changed figures once per emission interval. Submissions arrive keyed by province, so one task holds
 * every unit of a province with its cities and the province itself: no repartition, no second hop (docs/adr/0018).
 * A record that cannot be applied is emitted as a {@link DeadLetters dead letter} instead, and the stream goes on.
 * <p>
 * Two states are kept per unit, one per {@link Basis}: the latest version received of every series, and the latest
 * version the province accepted. A submission changes its own period and every longer period it rolls up into
 * ({@link PeriodCode#enclosingPeriods()}), for actuals and targets alike; a submission of targets for a longer
 * period (an annual target of a quarterly form) changes that period only. Neither a submission held for an
 * explanation nor a city's or the province's own targets changes a figure: both are skipped, not dead letters.
 * <p>
 * A unit's figure is its contribution ({@link UnitStatements}) with the versions it is made of; a changed
 * contribution moves its city's and province's tallies by exactly the difference (old out, new in), so each region's
 * tally stays the sum of its units' latest contributions. Every changed key is marked in {@value #CHANGED_FIGURES},
 * a changelogged store like the others: the marks commit in the same exactly-once transaction as the tallies, and a
 * crash before the next emission loses none. The wall-clock punctuator publishes each marked figure (a tombstone
 * when no unit is in it any more) and clears its mark in the transaction that carries the publication.
 * <p>
 * The relay publishes at least once and partitions may be replayed, so a version not newer than the stored one is
 * ignored.
 */
final class SubmissionProcessor implements Processor<String, String, String, SubmissionOutcome> {

    /**
     * {@code region|period|dataset} → the latest submission of that form: for one of the form's own periods, or for
     * a longer period it holds targets of.
     */
    static final String LATEST_SUBMISSIONS = "latest-submissions";
    /** {@code region|period|dataset} → the latest accepted submission of that form. */
    static final String ACCEPTED_SUBMISSIONS = "accepted-submissions";
    /** {@link AggregateKey} → the figure of every unit, city and province this task holds. */
    static final String FIGURES = "figures";
    /** {@link AggregateKey} of every figure changed since it was last published → an empty mark. */
    static final String CHANGED_FIGURES = "changed-figures";

    private static final byte[] MARK = new byte[0];
    private static final Logger LOG = Logger.getLogger(SubmissionProcessor.class);
    private static final String SEPARATOR = "|";

    private final Catalogue catalogue;
    private final RegionRegistry regions;
    private final PeriodRollUp rollUp;
    private final DeadLetters deadLetters;
    private final FigureEvents events;
    private final Duration emitInterval;
    private ProcessorContext<String, SubmissionOutcome> context;
    private final Map<Basis, KeyValueStore<String, StoredSubmission>> stores = new EnumMap<>(Basis.class);
    private KeyValueStore<String, Figure> figures;
    private KeyValueStore<String, byte[]> changed;

    SubmissionProcessor(Catalogue catalogue, RegionRegistry regions, DeadLetters deadLetters, FigureEvents events,
                        Duration emitInterval) {
        this.catalogue = catalogue;
        this.regions = regions;
        this.rollUp = new PeriodRollUp(catalogue);
        this.deadLetters = deadLetters;
        this.events = events;
        this.emitInterval = emitInterval;
    }

    @Override
    public void init(ProcessorContext<String, SubmissionOutcome> context) {
        this.context = context;
        stores.put(Basis.RECEIVED, context.getStateStore(LATEST_SUBMISSIONS));
        stores.put(Basis.ACCEPTED, context.getStateStore(ACCEPTED_SUBMISSIONS));
        figures = context.getStateStore(FIGURES);
        changed = context.getStateStore(CHANGED_FIGURES);
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::publishChanged);
    }

    @Override
    public void process(Record<String, String> record) {
        readUsable(record).ifPresent(submission -> {
            warnOfUnknownIndicators(submission);
            apply(Basis.RECEIVED, submission);
            if (submission.isAccepted()) {
                apply(Basis.ACCEPTED, submission);
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

    private void apply(Basis basis, SubmissionEvent submission) {
        KeyValueStore<String, StoredSubmission> store = stores.get(basis);
        String storeKey = storeKeyPrefix(submission.region(), submission.period()) + submission.dataset().value();
        StoredSubmission previous = store.get(storeKey);
        if (previous != null && previous.version() >= submission.version()) {
            logIgnored(basis, submission, previous);
            return;
        }
        StoredSubmission stored = StoredSubmission.of(submission);
        List<PeriodCode> periods = new ArrayList<>();
        periods.add(stored.period());
        if (isOfFormPeriod(stored)) {
            // a target set for a longer period is that period's alone: it rolls up into nothing longer
            periods.addAll(stored.period().enclosingPeriods());
        }
        store.put(storeKey, stored);
        List<StoredSubmission> ofYears = storedInYearsOf(store, submission.region(), periods);

        Collection<Indicator> affected = affectedIndicators(previous, stored);
        int changes = 0;
        for (PeriodCode period : periods) {
            Collection<FormStatement> forms = formsOf(ofYears, period);
            for (ValueKind kind : ValueKind.values()) {
                UnitStatements statements = new UnitStatements(forms, kind, catalogue);
                for (Indicator indicator : affected) {
                    Optional<Figure> contribution = statements.contributionTo(indicator)
                            .map(tally -> new Figure(tally, statements.sourcesOf(indicator)));
                    AggregateKey key = new AggregateKey(indicator.code(), submission.region(), period, kind, basis);
                    if (applyContribution(key, indicator, contribution)) {
                        changes++;
                    }
                }
            }
        }
        LOG.infof("Applied %s %s %s version %d (%s, %s): %d contributions changed over %s",
                submission.region(), submission.dataset(), submission.period(), submission.version(),
                submission.reviewStatus(), basis.json(), changes, periods);
    }

    /**
     * Makes {@code contribution} the unit's figure and moves its city's and province's tallies by the difference to
     * the one it replaces. NONE figures compare only within the unit: they stop at county level.
     *
     * @return whether the unit's figure changed, in its tally or in the versions it is made of
     */
    private boolean applyContribution(AggregateKey unit, Indicator indicator, Optional<Figure> contribution) {
        Optional<Figure> was = Optional.ofNullable(figures.get(unit.toString()));
        if (was.equals(contribution)) {
            return false;
        }
        put(unit, contribution);
        Tally removed = was.map(Figure::tally).orElse(Tally.EMPTY);
        Tally added = contribution.map(Figure::tally).orElse(Tally.EMPTY);
        if (indicator.rule() != AggregationRule.NONE && !removed.equals(added)) {
            AggregateKey city = unit.withRegion(parentOf(unit));
            shift(city, removed, added);
            shift(city.withRegion(parentOf(city)), removed, added);
        }
        return true;
    }

    /** The region's tally without {@code removed} and with {@code added}; a region no unit is in has no figure. */
    private void shift(AggregateKey region, Tally removed, Tally added) {
        Tally total = Optional.ofNullable(figures.get(region.toString())).map(Figure::tally).orElse(Tally.EMPTY)
                .minus(removed).plus(added);
        put(region, total.coversNoUnit() ? Optional.empty() : Optional.of(Figure.ofRegion(total)));
    }

    private void put(AggregateKey key, Optional<Figure> figure) {
        String stored = key.toString();
        figure.ifPresentOrElse(value -> figures.put(stored, value), () -> figures.delete(stored));
        changed.put(stored, MARK);
    }

    /**
     * The region the figure's region lay within in its period: every region here is a county-level unit or a city
     * (the processor admits units only), so there is one; for a code of the past, the one it lay within then (360721
     * 赣县 under 赣州 in 2015).
     */
    private RegionCode parentOf(AggregateKey key) {
        return regions.find(key.region(), key.period()).flatMap(Region::parent)
                .or(() -> regions.parentOf(key.region()))
                .orElseThrow();
    }

    /**
     * Publishes every figure changed since the last call, once, and clears its mark. Runs on the stream thread
     * between records, so the publications and the cleared marks go into the open transaction: a crash before it
     * commits aborts both, and the restored marks are published again.
     */
    private void publishChanged(long timestamp) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> marked = changed.all()) {
            marked.forEachRemaining(entry -> keys.add(entry.key));
        }
        for (String key : keys) {
            Figure figure = figures.get(key);
            context.forward(new Record<String, SubmissionOutcome>(key,
                    new ChangedFigure(figure == null ? null : events.of(AggregateKey.parse(key), figure)), timestamp));
            changed.delete(key);
        }
        if (!keys.isEmpty()) {
            LOG.debugf("Published %d changed figures", keys.size());
        }
    }

    private static void logIgnored(Basis basis, SubmissionEvent submission, StoredSubmission previous) {
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
    private boolean isOfFormPeriod(StoredSubmission submission) {
        return catalogue.dataset(submission.dataset()).map(form -> form.periodType() == submission.period().type())
                .orElse(true);
    }

    /**
     * The unit's stored submissions of every year the periods touch, read once for all of them: every period code of
     * a year starts with the year (2020, 2020Q3, 202009, 2020AY, 2020T1, 2020YTD09).
     */
    private static List<StoredSubmission> storedInYearsOf(KeyValueStore<String, StoredSubmission> store,
                                                          RegionCode region, List<PeriodCode> periods) {
        int first = periods.stream().mapToInt(period -> period.start().getYear()).min().orElseThrow();
        int last = periods.stream().mapToInt(period -> period.end().getYear()).max().orElseThrow();
        List<StoredSubmission> stored = new ArrayList<>();
        IntStream.rangeClosed(first, last).forEach(year -> {
            try (KeyValueIterator<String, StoredSubmission> ofYear =
                         store.prefixScan(region.value() + SEPARATOR + year, new StringSerializer())) {
                ofYear.forEachRemaining(entry -> stored.add(entry.value));
            }
        });
        return stored;
    }

    /**
     * What each of the unit's forms states for the period: its submission for the period when that is one of the
     * form's own periods; otherwise its submissions for the form's own periods within it, rolled up to the period's
     * end, with the targets it set for the period itself. Submitted targets of other longer periods (a half-year's,
     * when the period is the year) belong to those periods only.
     *
     * @param stored the unit's submissions of at least every year the period touches
     */
    private Collection<FormStatement> formsOf(List<StoredSubmission> stored, PeriodCode period) {
        Map<DatasetCode, StoredSubmission> ofPeriod = new LinkedHashMap<>();
        Map<DatasetCode, List<StoredSubmission>> ofSubPeriods = new LinkedHashMap<>();
        for (StoredSubmission submission : stored) {
            if (submission.period().equals(period)) {
                ofPeriod.put(submission.dataset(), submission);
            } else if (isOfFormPeriod(submission) && submission.period().enclosingPeriods().contains(period)) {
                ofSubPeriods.computeIfAbsent(submission.dataset(), form -> new ArrayList<>()).add(submission);
            }
        }
        List<FormStatement> forms = new ArrayList<>();
        for (DatasetCode form : Stream.concat(ofPeriod.keySet().stream(), ofSubPeriods.keySet().stream())
                .distinct().toList()) {
            Optional<StoredSubmission> direct = Optional.ofNullable(ofPeriod.get(form));
            if (direct.filter(this::isOfFormPeriod).isPresent()) {
                forms.add(FormStatement.of(direct.get()));
            } else {
                List<StoredSubmission> subPeriods = ofSubPeriods.getOrDefault(form, List.of());
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
    private Collection<Indicator> affectedIndicators(StoredSubmission previous, StoredSubmission submission) {
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
