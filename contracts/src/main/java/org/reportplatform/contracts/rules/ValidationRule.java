package org.reportplatform.contracts.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.Objects;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;

/**
 * One entry of {@code reference/rules.json}: {@code check} names the kind of check, the other fields are its
 * parameters. {@code message} says why the rule holds and is quoted to the county after the offending numbers;
 * {@code messageZh}, optional, says it in Chinese.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "check")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ValidationRule.NotAbove.class, name = "not_above"),
        @JsonSubTypes.Type(value = ValidationRule.StatedRateMatches.class, name = "stated_rate_matches"),
        @JsonSubTypes.Type(value = ValidationRule.ChangeWithin.class, name = "change_within")})
public sealed interface ValidationRule {

    /** The id quoted in warnings: lower-case words joined by hyphens, unique in the file. */
    String id();

    Severity severity();

    String message();

    /** Null when the file gives none. */
    String messageZh();

    /**
     * {@code left} ≤ {@code right}, when a submission reports both: a subset and its total, or a numerator that
     * cannot exceed its denominator.
     */
    record NotAbove(String id, Severity severity, IndicatorCode left, IndicatorCode right, String message,
                    String messageZh) implements ValidationRule {

        public NotAbove {
            Objects.requireNonNull(left, () -> id + ": left is required");
            Objects.requireNonNull(right, () -> id + ": right is required");
            if (left.equals(right)) {
                throw new IllegalArgumentException(id + ": left and right are the same indicator");
            }
        }
    }

    /**
     * Every ratio stated together with its components is within the tolerance of Σ numerator / Σ denominator ×
     * factor. A percentage may be off by {@code absoluteTolerance} (percentage points); any other ratio (per
     * 10,000, per capita, students per computer), whose magnitudes run from hundredths to thousands, by
     * {@code absoluteTolerance} or by {@code relativeTolerance} of the computed value, whichever is larger.
     */
    record StatedRateMatches(String id, Severity severity, BigDecimal absoluteTolerance, BigDecimal relativeTolerance,
                             String message, String messageZh) implements ValidationRule {

        private static final BigDecimal PERCENT = BigDecimal.valueOf(100);

        public StatedRateMatches {
            requireNonNegative(id, "absoluteTolerance", absoluteTolerance);
            requireNonNegative(id, "relativeTolerance", relativeTolerance);
        }

        /** How far a stated value of {@code ratio} may be from {@code computed}. */
        public BigDecimal tolerance(Indicator ratio, BigDecimal computed) {
            // relative to a percentage, 0.5% of 95% would let a rate be off by almost half a point
            return ratio.factor().compareTo(PERCENT) == 0
                    ? absoluteTolerance
                    : absoluteTolerance.max(relativeTolerance.multiply(computed.abs()));
        }
    }

    /**
     * Every additive figure lies between 1/{@code factor} and {@code factor} times the same unit's figure in the same
     * form one year earlier. Always soft: a jump can be real (schools merged, a new census), and only a person can
     * tell.
     */
    record ChangeWithin(String id, Severity severity, BigDecimal factor, String message, String messageZh)
            implements ValidationRule {

        public ChangeWithin {
            Objects.requireNonNull(factor, () -> id + ": factor is required");
            if (factor.compareTo(BigDecimal.ONE) <= 0) {
                throw new IllegalArgumentException(id + ": factor must be above 1, not " + factor);
            }
            if (severity != Severity.SOFT) {
                throw new IllegalArgumentException(id + ": change_within can only be soft");
            }
        }
    }

    private static void requireNonNegative(String id, String name, BigDecimal value) {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException(id + ": " + name + " must be a number of at least 0");
        }
    }
}
