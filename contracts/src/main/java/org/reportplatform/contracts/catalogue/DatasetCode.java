package org.reportplatform.contracts.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** The code of a form (data set), e.g. {@code edu_annual}. */
public record DatasetCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    public DatasetCode {
        if (value == null || value.length() > 64 || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a dataset code looks like edu_annual: " + value);
        }
    }

    @JsonCreator
    public static DatasetCode of(String value) {
        return new DatasetCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
