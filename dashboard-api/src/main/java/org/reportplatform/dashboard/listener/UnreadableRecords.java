package org.reportplatform.dashboard.listener;

import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** What the listeners do with a record they cannot read. */
final class UnreadableRecords {

    private UnreadableRecords() {
    }

    /**
     * Reading a record again would fail the same way, so an unreadable one is logged (with its topic, partition and
     * offset) and skipped instead of stopping the channel.
     */
    static <T> Optional<T> skipIfUnreadable(Logger log, ConsumerRecord<?, ?> record, Supplier<T> decoding) {
        try {
            return Optional.of(decoding.get());
        } catch (IllegalArgumentException unreadable) {
            log.warnf("Skipping unreadable record %s-%d@%d (key %s): %s", record.topic(), record.partition(),
                    record.offset(), record.key(), unreadable.getMessage());
            return Optional.empty();
        }
    }

    /** The platform keys every record it publishes; a compacted topic even refuses keyless ones. */
    static String keyOf(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("the record has no key");
        }
        return record.key();
    }
}
