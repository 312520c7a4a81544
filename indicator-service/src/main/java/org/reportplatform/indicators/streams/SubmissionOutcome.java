package org.reportplatform.indicators.streams;

import org.reportplatform.indicators.domain.Tally;

/**
 * What {@link SubmissionProcessor} emits: a unit's changed contribution, or a record it cannot use. The DSL gives a
 * processor one output type; the topology splits the two apart right after it, so this type never goes on the wire.
 */
sealed interface SubmissionOutcome {

    /** The unit's new contribution to an indicator; a null tally when it no longer states it. */
    record Contribution(Tally tally) implements SubmissionOutcome {
    }

    /**
     * A record of the submissions topic that cannot be applied, for the dead-letter topic as it came: the original
     * value, null included. Why is in the record's headers ({@link DeadLetters}).
     */
    record DeadLetter(String value) implements SubmissionOutcome {
    }
}
