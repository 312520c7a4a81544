package org.reportplatform.indicators.domain;

import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ValueKind;

/** Which figure a statement is of: an indicator's actual value or its target. */
public record Statement(IndicatorCode indicator, ValueKind kind) {

    public static Statement of(ReportedValue value) {
        return new Statement(value.indicator(), value.kind());
    }
}
