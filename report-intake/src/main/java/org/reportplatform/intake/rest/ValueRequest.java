package org.reportplatform.intake.rest;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;

/**
 * One indicator of a submission.
 *
 * @param status      {@code reported} (the default), {@code redacted} or {@code missing}; the last two carry no value
 * @param kind        {@code actual} (the default) or {@code target}: the unit's target for the period
 * @param explanation optional: why the value is what it is, for reviewers; a value that a soft rule flags needs one
 *                    for the submission to go through
 */
public record ValueRequest(String indicator, BigDecimal value, String status, String kind, String explanation) {

    /** The status as sent, {@code reported} when none was; empty when it is not a status at all. */
    public Optional<ValueStatus> resolvedStatus() {
        return resolved(status, ValueStatus.REPORTED, ValueStatus::of);
    }

    /** The kind as sent, {@code actual} when none was; empty when it is not a kind at all. */
    public Optional<ValueKind> resolvedKind() {
        return resolved(kind, ValueKind.ACTUAL, ValueKind::of);
    }

    private static <T> Optional<T> resolved(String sent, T absent, Function<String, T> parser) {
        if (sent == null) {
            return Optional.of(absent);
        }
        try {
            return Optional.of(parser.apply(sent));
        } catch (IllegalArgumentException notOne) {
            return Optional.empty();
        }
    }
}
