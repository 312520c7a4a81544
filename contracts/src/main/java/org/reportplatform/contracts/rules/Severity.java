package org.reportplatform.contracts.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What breaking a validation rule costs a submission. */
public enum Severity {
    /** Rejected: the value cannot be right. */
    HARD,
    /** Held until the county explains the value: it may be right, but a person has to say so. */
    SOFT;

    @JsonCreator
    public static Severity of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
