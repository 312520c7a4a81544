package org.reportplatform.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/v1/submissions}, as a county system sends it, or as the province loads history.
 *
 * @param reportedAt when the unit originally reported it, for history the province loads; null as a county sends it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DemoSubmission(String submissionKey, String region, String dataset, String period, List<Value> values,
                             String reportedAt) {

    /** A submission as the county sends it, reported when intake receives it. */
    public DemoSubmission(String submissionKey, String region, String dataset, String period, List<Value> values) {
        this(submissionKey, region, dataset, period, values, null);
    }

    /**
     * The same submission loaded as history, reported at {@code at}. The date is part of the key, as the content is:
     * a rerun replays it, a changed date is a new version rather than a conflict.
     */
    public DemoSubmission reportedAt(Instant at) {
        return new DemoSubmission("%s-%x".formatted(submissionKey, at.getEpochSecond()), region, dataset, period, values,
                at.toString());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Value(String indicator, BigDecimal value, String status) {
    }
}
