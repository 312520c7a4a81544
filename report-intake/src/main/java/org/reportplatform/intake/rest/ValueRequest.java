package org.reportplatform.intake.rest;

import java.math.BigDecimal;
import java.util.Optional;
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
        if (status == null) {
            return Optional.of(ValueStatus.REPORTED);
        }
        try {
            return Optional.of(ValueStatus.of(status));
        } catch (IllegalArgumentException notAStatus) {
            return Optional.empty();
        }
    }

    /** The kind as sent, {@code actual} when none was; empty when it is not a kind at all. */
    public Optional<ValueKind> resolvedKind() {
        if (kind == null) {
            return Optional.of(ValueKind.ACTUAL);
        }
        try {
            return Optional.of(ValueKind.of(kind));
        } catch (IllegalArgumentException notAKind) {
            return Optional.empty();
        }
    }
}
