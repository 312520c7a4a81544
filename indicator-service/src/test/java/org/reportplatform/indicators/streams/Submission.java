package org.reportplatform.indicators.streams;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/** Builds the submissions tests send; by default period 2023, version 1, submitted one minute per version after BASE. */
final class Submission {

    static final Instant BASE = Instant.parse("2024-01-15T02:00:00Z");

    private final String region;
    private final String dataset;
    private String period = "2023";
    private int version = 1;
    private Instant submittedAt;
    private final List<ReportedValue> values = new ArrayList<>();
    private ReviewStatus reviewStatus = ReviewStatus.SUBMITTED;
    private boolean held;

    private Submission(String region, String dataset) {
        this.region = region;
        this.dataset = dataset;
    }

    static Submission of(String region, String dataset) {
        return new Submission(region, dataset);
    }

    Submission period(String period) {
        this.period = period;
        return this;
    }

    Submission version(int version) {
        this.version = version;
        return this;
    }

    Submission submittedAt(Instant submittedAt) {
        this.submittedAt = submittedAt;
        return this;
    }

    Submission reported(String indicator, String value) {
        values.add(new ReportedValue(IndicatorCode.of(indicator), new BigDecimal(value), ValueStatus.REPORTED));
        return this;
    }

    Submission target(String indicator, String value) {
        values.add(new ReportedValue(IndicatorCode.of(indicator), new BigDecimal(value), ValueStatus.REPORTED, ValueKind.TARGET));
        return this;
    }

    Submission reviewStatus(ReviewStatus status) {
        this.reviewStatus = status;
        return this;
    }

    /** Held for an explanation of values a soft rule flagged. */
    Submission held() {
        this.held = true;
        return this;
    }

    Submission redacted(String indicator) {
        values.add(new ReportedValue(IndicatorCode.of(indicator), null, ValueStatus.REDACTED));
        return this;
    }

    Submission missing(String indicator) {
        values.add(new ReportedValue(IndicatorCode.of(indicator), null, ValueStatus.MISSING));
        return this;
    }

    SubmissionEvent event() {
        String key = region + "/" + dataset + "/" + period;
        return new SubmissionEvent(
                UUID.nameUUIDFromBytes((key + "/" + version).getBytes(StandardCharsets.UTF_8)),
                key,
                RegionCode.of(region),
                DatasetCode.of(dataset),
                PeriodCode.of(period),
                version,
                submittedAt != null ? submittedAt : BASE.plusSeconds(60L * version),
                values,
                reviewStatus,
                held);
    }
}
