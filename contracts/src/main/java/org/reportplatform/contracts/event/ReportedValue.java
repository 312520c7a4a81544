package org.reportplatform.contracts.event;

import java.math.BigDecimal;
import org.reportplatform.contracts.catalogue.IndicatorCode;

/** One indicator of a submission: a value when {@link ValueStatus#REPORTED}, null otherwise. */
public record ReportedValue(IndicatorCode indicator, BigDecimal value, ValueStatus status) {

    public ReportedValue {
        if ((status == ValueStatus.REPORTED) != (value != null)) {
            throw new IllegalArgumentException(indicator + ": a value is given exactly when the status is reported");
        }
    }

    public boolean isReported() {
        return status == ValueStatus.REPORTED;
    }
}
