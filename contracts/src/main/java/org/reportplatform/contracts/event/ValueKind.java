package org.reportplatform.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a value states: what happened, or what the unit set out to reach. Both roll up by the indicator's rule. */
public enum ValueKind {
    /** What the unit did or has: the default. */
    ACTUAL,
    /** The unit's target for the period (目标值); completion is actual ÷ target. */
    TARGET;

    @JsonCreator
    public static ValueKind of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
