package org.reportplatform.indicators.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.jboss.logging.Logger;
import org.reportplatform.indicators.streams.SubmissionOutcome.DeadLetter;

/**
 * Turns a record of the submissions topic that cannot be applied into a dead letter: the same key and value, its
 * own headers, and {@code dlq.*} headers saying why and where it came from, so that an operator can find it, fix
 * the producer and send it again. Every dead letter is logged once and counted ({@value #COUNTER}, by category).
 */
final class DeadLetters {

    static final String COUNTER = "indicator.dead-letters";

    static final String REASON = "dlq.reason";
    static final String CATEGORY = "dlq.category";
    static final String SOURCE_TOPIC = "dlq.source.topic";
    static final String SOURCE_PARTITION = "dlq.source.partition";
    static final String SOURCE_OFFSET = "dlq.source.offset";
    static final String FAILED_AT = "dlq.failed.at";

    /** Why a record cannot be applied, in kinds few enough to tag a metric with. */
    enum Category {
        /** No value at all. */
        EMPTY,
        /** Not JSON, not a submission, or a value whose status contradicts it. */
        UNREADABLE,
        /** Without region, dataset, period or submission time. */
        INCOMPLETE,
        /** From a region that is not a county-level reporting unit. */
        NOT_A_REPORTING_UNIT,
        /** Keyed other than by its region: its unit's state is in another partition. */
        MISKEYED,
        /** Of a form the catalogue does not know: its period type cannot be checked. */
        UNKNOWN_FORM,
        /** For a period of another type than its form's: it would be rolled up with the form's own periods. */
        WRONG_PERIOD_TYPE;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MeterRegistry meters;
    private final Clock clock;

    DeadLetters(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * The dead letter of {@code record}.
     *
     * @param source where the record is in the submissions topic
     * @param reason what is wrong with it, for a person: which submission, which field
     */
    Record<String, SubmissionOutcome> of(Record<String, String> record, Optional<RecordMetadata> source,
                                         Category category, String reason) {
        String where = source.map(m -> m.topic() + " partition " + m.partition() + " offset " + m.offset())
                .orElse("an unknown position");
        LOG.warnf("Dead letter (%s) from %s, key %s: %s", category.tag(), where, record.key(), reason);
        meters.counter(COUNTER, "reason", category.tag()).increment();

        // a copy: the input record's headers are shared with everything else it produces
        Headers headers = new RecordHeaders(record.headers().toArray());
        add(headers, REASON, reason);
        add(headers, CATEGORY, category.tag());
        source.ifPresent(m -> {
            add(headers, SOURCE_TOPIC, m.topic());
            add(headers, SOURCE_PARTITION, String.valueOf(m.partition()));
            add(headers, SOURCE_OFFSET, String.valueOf(m.offset()));
        });
        add(headers, FAILED_AT, Instant.now(clock).toString());
        return record.<SubmissionOutcome>withValue(new DeadLetter(record.value())).withHeaders(headers);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
