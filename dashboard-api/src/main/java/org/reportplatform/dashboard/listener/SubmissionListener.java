package org.reportplatform.dashboard.listener;

import static org.reportplatform.dashboard.listener.UnreadableRecords.keyOf;
import static org.reportplatform.dashboard.listener.UnreadableRecords.skipIfUnreadable;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.dashboard.service.SourceStore;

/**
 * Records every version of the submissions topic, held ones included, as a source: what completeness, timeliness
 * and the lineage of figures are read from.
 *
 * <p>A few hundred submissions per form and period: one record per transaction is plenty. The record is
 * acknowledged when this method returns, so its offset is committed only after the database write (at least once;
 * the write is idempotent). A record that can never be read is logged and skipped; while the database cannot be
 * reached the record is held and written once it is back; any other database failure fails the channel.
 */
@ApplicationScoped
public class SubmissionListener {

    private static final Logger LOG = Logger.getLogger(SubmissionListener.class);

    private final SourceStore sources;
    private final DatabaseOutages outages;

    SubmissionListener(SourceStore sources, DatabaseOutages outages) {
        this.sources = sources;
        this.outages = outages;
    }

    @Incoming("submissions")
    @Blocking
    public void onRecord(ConsumerRecord<String, String> record) {
        skipIfUnreadable(LOG, record, () -> submissionOf(record)).ifPresent(submission -> outages.writeOnceAvailable(
                "submission " + submission.submissionId() + " v" + submission.version() + " of " + submission.region(),
                () -> QuarkusTransaction.requiringNew().run(() -> sources.record(submission))));
    }

    /** Checked here, so that an event without what completeness needs is skipped instead of failing the channel. */
    private static SubmissionEvent submissionOf(ConsumerRecord<String, String> record) {
        String key = keyOf(record);
        if (record.value() == null) {
            throw new IllegalArgumentException("the record has no value");
        }
        SubmissionEvent submission = EventJson.read(record.value(), SubmissionEvent.class);
        if (submission == null) {
            throw new IllegalArgumentException("the value is JSON null");
        }
        require(submission.region() != null, "no region");
        if (!key.equals(submission.topicKey())) {
            throw new IllegalArgumentException("key " + key + " carries a submission of region " + submission.region()
                    + ", keyed by its province " + submission.topicKey());
        }
        require(submission.dataset() != null, "no dataset");
        require(submission.period() != null, "no period");
        require(submission.submissionId() != null, "no submissionId");
        require(submission.submittedAt() != null, "no submittedAt");
        require(submission.version() > 0, "no positive version");
        return submission;
    }

    private static void require(boolean condition, String otherwise) {
        if (!condition) {
            throw new IllegalArgumentException("the submission has " + otherwise);
        }
    }
}
