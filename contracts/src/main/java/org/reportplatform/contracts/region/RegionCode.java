package org.reportplatform.contracts.region;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A GB/T 2260 six-digit administrative division code: {@code PP0000} province, {@code PPCC00} city, {@code PPCCDD} county level. */
public record RegionCode(String value) implements Comparable<RegionCode> {

    private static final Pattern FORMAT = Pattern.compile("[1-9]\\d{5}");

    public RegionCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a region code has six digits, e.g. 360722: " + value);
        }
    }

    @JsonCreator
    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    /**
     * The province the code lies in: its first two digits. A code keeps its province across GB/T 2260 revisions (a
     * county recoded or moved between cities stays within its province), so this holds for codes of the past too.
     */
    public RegionCode province() {
        return new RegionCode(value.substring(0, 2) + "0000");
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(RegionCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
