package org.reportplatform.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a unit stated a figure. A withheld figure is missing, never zero. */
public enum ValueStatus {
    /** A number was given. */
    REPORTED,
    /** The report withholds it (X, XX, **). */
    REDACTED,
    /** The unit says it does not have the figure. */
    MISSING;

    @JsonCreator
    public static ValueStatus of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
