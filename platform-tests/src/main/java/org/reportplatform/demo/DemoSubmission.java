package org.reportplatform.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/** The body of {@code POST /api/v1/submissions}, as a county system sends it. */
public record DemoSubmission(String submissionKey, String region, String dataset, String period, List<Value> values) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Value(String indicator, BigDecimal value, String status) {
    }
}
