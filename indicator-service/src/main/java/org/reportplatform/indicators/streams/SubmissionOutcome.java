package org.reportplatform.indicators.streams;

import org.reportplatform.contracts.event.AggregateEvent;

/**
 * What {@link SubmissionProcessor} emits: a changed figure, or a record it cannot use. The DSL gives a processor one
 * output type; the topology splits the two apart right after it, so this type never goes on the wire.
 */
sealed interface SubmissionOutcome {

    /** A figure's new state, keyed by its {@link org.reportplatform.contracts.event.AggregateKey}; null: no figure. */
    record ChangedFigure(AggregateEvent event) implements SubmissionOutcome {
    }

    /**
     * A record of the submissions topic that cannot be applied, for the dead-letter topic as it came: the original
     * value, null included. Why is in the record's headers ({@link DeadLetters}).
     */
    record DeadLetter(String value) implements SubmissionOutcome {
    }
}
