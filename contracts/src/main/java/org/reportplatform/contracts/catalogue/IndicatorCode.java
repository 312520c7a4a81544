package org.reportplatform.contracts.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A catalogue code: a domain prefix and words in snake case, e.g. {@code pre_enrolled_children}. */
public record IndicatorCode(String value) implements Comparable<IndicatorCode> {

    private static final Pattern FORMAT = Pattern.compile("[a-z]{2,5}(_[a-z0-9]+)+");

    public IndicatorCode {
        if (value == null || value.length() > 64 || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("an indicator code looks like pre_enrolled_children: " + value);
        }
    }

    @JsonCreator
    public static IndicatorCode of(String value) {
        return new IndicatorCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(IndicatorCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
