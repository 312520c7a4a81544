package org.reportplatform.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.demo.DemoFigures;
import org.reportplatform.demo.DemoSubmission;

/**
 * The submissions the measurements send: a unit's {@code edu_annual} with {@value #VALUES} of its additive
 * indicators (additive, so that no rate needs its components), or the whole form, with the demo's plausible figures,
 * the same for every year so that the previous-year rule never holds one back. One value, {@link #TRACKED}, is set
 * per request: an additive indicator no validation rule and no ratio names, so any value of it is accepted and the
 * freshness measurement can count submissions with it ({@link CountingLoad}).
 */
final class BenchSubmissions {

    static final int VALUES = 40;
    static final DatasetCode FORM = DatasetCode.of("edu_annual");
    /** Named by no rule and no ratio: raising it can break nothing. */
    static final IndicatorCode TRACKED = IndicatorCode.of("edu_school_built_count");
    /** Years the measurements submit for: before the demo's 2019 and 2020, whose figures the tracked values would be 3x off. */
    static final int FIRST_YEAR = PeriodCode.FIRST_YEAR;
    static final int LAST_YEAR = 2017;

    /** In request templates, replaced by each request's own submission key, period and tracked value. */
    static final String KEY_SLOT = "@KEY@";
    static final String PERIOD_SLOT = "@PERIOD@";
    static final String TRACKED_SLOT = "\"@TRACKED@\"";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PeriodCode FIGURES_YEAR = PeriodCode.of("2020");

    private final Catalogue catalogue;
    private final DemoFigures figures;
    private final Dataset form;

    BenchSubmissions(Catalogue catalogue) {
        this.catalogue = catalogue;
        this.figures = new DemoFigures(catalogue);
        this.form = catalogue.dataset(FORM).orElseThrow();
    }

    /** The tracked value of request number {@code n}: 1000 to 1999, so consecutive years stay within 2x of each other. */
    static long trackedValue(long n) {
        return 1000 + Math.floorMod(n, 1000);
    }

    /** The JSON body of {@code POST /api/v1/submissions} for {@code unit}, with the three slots to fill in. */
    String requestTemplate(Region unit) {
        return template(unit, values(unit));
    }

    /**
     * The same for the whole form as the demo fills it in, with every additive value that no ratio takes as a
     * component raised by {@code raise}: successive revisions then change about 40 figures each, as real ones do,
     * and parts and wholes rise alike, so no part outgrows its whole.
     */
    String fullFormTemplate(Region unit, int raise) {
        return template(unit, figures.submission(unit.code(), form, FIGURES_YEAR, 1).values().stream()
                .map(value -> raise == 0 || !raisable(value) ? value
                        : new DemoSubmission.Value(value.indicator(), value.value().add(BigDecimal.valueOf(raise)), value.status()))
                .toList());
    }

    private boolean raisable(DemoSubmission.Value value) {
        IndicatorCode code = IndicatorCode.of(value.indicator());
        return value.value() != null && catalogue.indicator(code).orElseThrow().rule() == AggregationRule.SUM
                && catalogue.indicators().stream().noneMatch(indicator -> indicator.components().contains(code));
    }

    private String template(Region unit, List<DemoSubmission.Value> formValues) {
        List<DemoSubmission.Value> values = new ArrayList<>(formValues.stream()
                .filter(value -> !value.indicator().equals(TRACKED.value())).toList());
        values.add(new DemoSubmission.Value(TRACKED.value(), null, "reported"));
        DemoSubmission body = new DemoSubmission(KEY_SLOT, unit.code().value(), FORM.value(), PERIOD_SLOT, values);
        try {
            // the tracked value is written without a number, then its slot put where the number goes
            return JSON.writeValueAsString(body).replace("\"indicator\":\"" + TRACKED.value() + "\",\"status\"",
                    "\"indicator\":\"" + TRACKED.value() + "\",\"value\":" + TRACKED_SLOT + ",\"status\"");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fill(String template, String key, PeriodCode period, long trackedValue) {
        return template.replace(KEY_SLOT, key).replace(PERIOD_SLOT, period.value())
                .replace(TRACKED_SLOT, Long.toString(trackedValue));
    }

    /** What intake publishes for such a submission: the outbox payload, and the message a bare producer sends. */
    SubmissionEvent event(Region unit, String key, PeriodCode period, long n) {
        List<DemoSubmission.Value> sent = new ArrayList<>(values(unit));
        sent.add(new DemoSubmission.Value(TRACKED.value(), BigDecimal.valueOf(trackedValue(n)), "reported"));
        List<ReportedValue> values = sent.stream().map(BenchSubmissions::reported).toList();
        return new SubmissionEvent(UUID.randomUUID(), key, unit.code(), FORM, period, 1, Instant.now(), values, ReviewStatus.SUBMITTED);
    }

    /** A whole form as the demo fills it in, for the national replay, which bypasses intake. */
    SubmissionEvent fullForm(Region unit, Dataset dataset, PeriodCode period, String key) {
        List<ReportedValue> values = figures.submission(unit.code(), dataset, period, 1).values().stream()
                .map(BenchSubmissions::reported).toList();
        return new SubmissionEvent(UUID.randomUUID(), key, unit.code(), dataset.code(), period, 1, Instant.now(), values, ReviewStatus.SUBMITTED);
    }

    private List<DemoSubmission.Value> values(Region unit) {
        // the tracked indicator and VALUES - 1 others
        return figures.submission(unit.code(), form, FIGURES_YEAR, 1).values().stream()
                .filter(value -> catalogue.indicator(IndicatorCode.of(value.indicator())).orElseThrow().rule() == AggregationRule.SUM)
                .filter(value -> !value.indicator().equals(TRACKED.value()))
                .limit(VALUES - 1)
                .toList();
    }

    private static ReportedValue reported(DemoSubmission.Value value) {
        return new ReportedValue(IndicatorCode.of(value.indicator()), value.value(),
                "redacted".equals(value.status()) ? ValueStatus.REDACTED : ValueStatus.REPORTED, ValueKind.ACTUAL);
    }
}
