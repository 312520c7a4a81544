package org.reportplatform.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which county data a figure is computed from; both bases are kept live side by side. */
public enum Basis {
    /** The latest version of every series received, whatever its review says. */
    RECEIVED,
    /** The latest version of every series the province has accepted: the official figure. */
    ACCEPTED;

    @JsonCreator
    public static Basis of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
