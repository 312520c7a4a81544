package org.reportplatform.intake.extraction;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a number says: a figure reached, a figure aimed at, a change against another period, a rank or a share. */
public enum FactKind {
    ACTUAL, TARGET, CHANGE, RANK, SHARE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
