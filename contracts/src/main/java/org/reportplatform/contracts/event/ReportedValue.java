package org.reportplatform.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import org.reportplatform.contracts.catalogue.IndicatorCode;

/**
 * One indicator of a submission: a value when {@link ValueStatus#REPORTED}, null otherwise; an actual figure unless
 * it says it is a target.
 */
public record ReportedValue(IndicatorCode indicator, BigDecimal value, ValueStatus status, ValueKind kind) {

    public ReportedValue {
        if ((status == ValueStatus.REPORTED) != (value != null)) {
            throw new IllegalArgumentException(indicator + ": a value is given exactly when the status is reported");
        }
        // events written before targets existed carry no kind: they are actuals
        kind = kind == null ? ValueKind.ACTUAL : kind;
    }

    /** An actual figure. */
    public ReportedValue(IndicatorCode indicator, BigDecimal value, ValueStatus status) {
        this(indicator, value, status, ValueKind.ACTUAL);
    }

    @JsonIgnore
    public boolean isReported() {
        return status == ValueStatus.REPORTED;
    }
}
