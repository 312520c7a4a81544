package org.reportplatform.dashboard.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.CountedSubmission;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionLevel;

/** Events for tests. */
public final class Events {

    public static final Instant UPDATED_AT = Instant.parse("2021-03-01T08:00:00Z");

    private Events() {
    }

    /** The figure of a county: one expected unit, which reported. */
    public static AggregateEvent county(String indicator, String region, String period, String value) {
        return new AggregateEvent(IndicatorCode.of(indicator), RegionCode.of(region), RegionLevel.COUNTY,
                PeriodCode.of(period), new BigDecimal(value), null, null, 1, 0, 1, UPDATED_AT, ValueKind.ACTUAL, Basis.RECEIVED);
    }

    /** A county whose only unit withheld the figure: a row, but no value. */
    public static AggregateEvent withheldCounty(String indicator, String region, String period) {
        return new AggregateEvent(IndicatorCode.of(indicator), RegionCode.of(region), RegionLevel.COUNTY,
                PeriodCode.of(period), null, null, null, 0, 1, 1, UPDATED_AT, ValueKind.ACTUAL, Basis.RECEIVED);
    }

    /** The figure of a city, of which {@code reportingUnits} of {@code expectedUnits} reported. */
    public static AggregateEvent city(String indicator, String region, String period, String value,
                                      int reportingUnits, int expectedUnits) {
        return new AggregateEvent(IndicatorCode.of(indicator), RegionCode.of(region), RegionLevel.CITY,
                PeriodCode.of(period), new BigDecimal(value), null, null, reportingUnits, 0, expectedUnits, UPDATED_AT, ValueKind.ACTUAL, Basis.RECEIVED);
    }

    /** The figure of a county's ratio or weighted average, with its components. */
    public static AggregateEvent countyQuotient(String indicator, String region, String period, String value,
                                                String numerator, String denominator) {
        return new AggregateEvent(IndicatorCode.of(indicator), RegionCode.of(region), RegionLevel.COUNTY,
                PeriodCode.of(period), new BigDecimal(value), new BigDecimal(numerator), new BigDecimal(denominator), 1, 0,
                1, UPDATED_AT, ValueKind.ACTUAL, Basis.RECEIVED);
    }

    /** A county's target of the period, on the received basis. */
    public static AggregateEvent countyTarget(String indicator, String region, String period, String value) {
        return of(county(indicator, region, period, value), ValueKind.TARGET, Basis.RECEIVED);
    }

    /**
     * A figure of a longer period of a sub-period form: {@code reportingUnits} complete units in the value (null for
     * none), {@code incompleteUnits} that lack a sub-period.
     */
    public static AggregateEvent toDate(String indicator, String region, RegionLevel level, String period, String value,
                                        int reportingUnits, int incompleteUnits, int expectedUnits) {
        return new AggregateEvent(IndicatorCode.of(indicator), RegionCode.of(region), level, PeriodCode.of(period),
                value == null ? null : new BigDecimal(value), null, null, reportingUnits, 0, expectedUnits, UPDATED_AT,
                ValueKind.ACTUAL, Basis.RECEIVED, incompleteUnits, List.of());
    }

    /** The same figure as another kind or on another basis. */
    public static AggregateEvent of(AggregateEvent figure, ValueKind kind, Basis basis) {
        return new AggregateEvent(figure.indicator(), figure.region(), figure.level(), figure.period(), figure.value(),
                figure.numerator(), figure.denominator(), figure.reportingUnits(), figure.withheldUnits(),
                figure.expectedUnits(), figure.updatedAt(), kind, basis);
    }

    /** The same county figure, made of {@code sources} as indicator-service names them. */
    public static AggregateEvent madeOf(AggregateEvent figure, SubmissionEvent... sources) {
        return new AggregateEvent(figure.indicator(), figure.region(), figure.level(), figure.period(), figure.value(),
                figure.numerator(), figure.denominator(), figure.reportingUnits(), figure.withheldUnits(),
                figure.expectedUnits(), figure.updatedAt(), figure.kind(), figure.basis(), figure.incompleteUnits(),
                Arrays.stream(sources).map(source -> new CountedSubmission(source.submissionId(), source.dataset(),
                        source.period(), source.version())).toList());
    }

    /** A target a unit or region set. */
    public static ReportedValue target(String indicator, String value) {
        return new ReportedValue(IndicatorCode.of(indicator), new BigDecimal(value), ValueStatus.REPORTED, ValueKind.TARGET);
    }

    /** A value a unit reported, an actual figure. */
    public static ReportedValue reported(String indicator, String value) {
        return new ReportedValue(IndicatorCode.of(indicator), new BigDecimal(value), ValueStatus.REPORTED);
    }

    /** The same submission with these values. */
    public static SubmissionEvent withValues(SubmissionEvent submission, ReportedValue... values) {
        return new SubmissionEvent(submission.submissionId(), submission.submissionKey(), submission.region(),
                submission.dataset(), submission.period(), submission.version(), submission.submittedAt(), List.of(values),
                submission.reviewStatus());
    }

    /**
     * Version {@code version} of a unit's form, submitted at {@code submittedAt} (ISO instant). Its id follows from
     * what it is, so a test run that publishes it again repeats the same event.
     */
    public static SubmissionEvent submission(String region, String dataset, String period, int version, String submittedAt) {
        String key = "test-%s-%s-%s-v%d".formatted(region, dataset, period, version);
        return new SubmissionEvent(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)), key,
                RegionCode.of(region), DatasetCode.of(dataset), PeriodCode.of(period), version,
                Instant.parse(submittedAt), List.of(), ReviewStatus.SUBMITTED);
    }
}
