package org.reportplatform.indicators.streams;

import java.util.Collection;
import java.util.HashMap;
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
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.AggregateKey;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.indicators.domain.Tally;
import org.reportplatform.indicators.domain.UnitStatements;

/**
 * Applies each submission to its unit's latest state and emits how the unit's contributions change, keyed
 * {@code indicator|region|period}: the new {@link Tally}, or null when the unit no longer states the indicator.
 * <p>
 * The relay publishes at least once and partitions may be replayed, so a version not newer than the stored one is
 * ignored. Submissions arrive keyed by region, so every form of one unit is in this task's store: no repartition.
 */
final class SubmissionProcessor implements Processor<String, String, String, Tally> {

    /** {@code region|period|dataset} → the latest submission of that form. */
    static final String LATEST_SUBMISSIONS = "latest-submissions";

    private static final Logger LOG = Logger.getLogger(SubmissionProcessor.class);
    private static final String SEPARATOR = "|";

    private final Catalogue catalogue;
    private final RegionRegistry regions;
    private ProcessorContext<String, Tally> context;
    private KeyValueStore<String, SubmissionEvent> latestSubmissions;

    SubmissionProcessor(Catalogue catalogue, RegionRegistry regions) {
        this.catalogue = catalogue;
        this.regions = regions;
    }

    @Override
    public void init(ProcessorContext<String, Tally> context) {
        this.context = context;
        this.latestSubmissions = context.getStateStore(LATEST_SUBMISSIONS);
    }

    @Override
    public void process(Record<String, String> record) {
        readUsable(record).ifPresent(submission -> apply(submission, record));
    }

    /**
     * The submission in the record, or empty (with a warning) for a record nothing can be done with. Skipping keeps
     * one bad record from stopping the platform; a dead-letter topic is to keep them.
     */
    private Optional<SubmissionEvent> readUsable(Record<String, String> record) {
        if (record.value() == null) {
            return skip("an empty record");
        }
        SubmissionEvent submission;
        try {
            submission = EventJson.read(record.value(), SubmissionEvent.class);
        } catch (IllegalArgumentException e) {
            return skip("an unreadable submission (" + e.getMessage() + ")");
        }
        if (submission.region() == null || submission.dataset() == null || submission.period() == null
                || submission.submittedAt() == null) {
            return skip("submission " + submission.submissionId() + " without region, dataset, period or time");
        }
        if (!regions.find(submission.region()).map(Region::isReportingUnit).orElse(false)) {
            return skip("submission " + submission.submissionId() + " of " + submission.region()
                    + ", which is not a county-level reporting unit");
        }
        if (!submission.region().value().equals(record.key())) {
            // another partition may hold this unit's other forms: applying it here would split the unit's state
            return skip("submission " + submission.submissionId() + " of " + submission.region()
                    + " keyed " + record.key() + " instead of by its region");
        }
        return Optional.of(submission);
    }

    private Optional<SubmissionEvent> skip(String what) {
        String where = context.recordMetadata()
                .map(m -> m.topic() + " partition " + m.partition() + " offset " + m.offset())
                .orElse("an unknown position");
        LOG.warnf("Skipped %s at %s", what, where);
        return Optional.empty();
    }

    private void apply(SubmissionEvent submission, Record<String, String> record) {
        String storeKey = storeKeyPrefix(submission.region(), submission.period()) + submission.dataset().value();
        SubmissionEvent previous = latestSubmissions.get(storeKey);
        if (previous != null && previous.version() >= submission.version()) {
            logIgnored(submission, previous);
            return;
        }
        Map<DatasetCode, SubmissionEvent> forms = latestForms(submission.region(), submission.period());
        UnitStatements before = new UnitStatements(forms.values());
        forms.put(submission.dataset(), submission);
        UnitStatements after = new UnitStatements(forms.values());
        latestSubmissions.put(storeKey, submission);

        int changed = 0;
        for (Indicator indicator : affectedIndicators(previous, submission)) {
            Optional<Tally> old = before.contributionTo(indicator);
            Optional<Tally> now = after.contributionTo(indicator);
            if (!old.equals(now)) {
                String key = new AggregateKey(indicator.code(), submission.region(), submission.period()).toString();
                context.forward(record.withKey(key).withValue(now.orElse(null)));
                changed++;
            }
        }
        LOG.infof("Applied %s %s %s version %d: %d indicator contributions changed",
                submission.region(), submission.dataset(), submission.period(), submission.version(), changed);
    }

    private static void logIgnored(SubmissionEvent submission, SubmissionEvent previous) {
        if (previous.version() == submission.version()) {
            LOG.debugf("Ignored a repeat of %s %s %s version %d",
                    submission.region(), submission.dataset(), submission.period(), submission.version());
        } else {
            LOG.infof("Ignored %s %s %s version %d: version %d is already applied",
                    submission.region(), submission.dataset(), submission.period(), submission.version(),
                    previous.version());
        }
    }

    /** The unit's latest submission of every form for the period. */
    private Map<DatasetCode, SubmissionEvent> latestForms(RegionCode region, PeriodCode period) {
        Map<DatasetCode, SubmissionEvent> forms = new HashMap<>();
        try (KeyValueIterator<String, SubmissionEvent> stored =
                     latestSubmissions.prefixScan(storeKeyPrefix(region, period), new StringSerializer())) {
            stored.forEachRemaining(entry -> forms.put(entry.value.dataset(), entry.value));
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
