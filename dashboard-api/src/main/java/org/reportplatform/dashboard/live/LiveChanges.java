package org.reportplatform.dashboard.live;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Broadcasts the changes of the read model to every open stream, once they are committed. The listener announces
 * each committed batch; the changes are then read back from the log, so that what is broadcast carries the ids a
 * client resumes from. One writer (the ordered aggregates channel) means ids are committed in order.
 */
@ApplicationScoped
@Startup
public class LiveChanges {

    /** Bounds one read of the log; a larger batch is read in several. */
    static final int PAGE = 1000;

    private final AggregateChangeLog log;
    private final BroadcastProcessor<AggregateChange> processor = BroadcastProcessor.create();
    private long lastAnnounced;

    LiveChanges(AggregateChangeLog log) {
        this.log = log;
        // what was logged before this start is replayed from the log, never broadcast
        this.lastAnnounced = log.latestId();
    }

    /** Called after a batch is committed: broadcasts every change logged since the previous call. */
    public synchronized void announceCommitted() {
        List<AggregateChange> page;
        do {
            page = log.after(lastAnnounced, PAGE);
            for (AggregateChange change : page) {
                processor.onNext(change);
                lastAnnounced = change.id();
            }
        } while (page.size() == PAGE);
    }

    /** Every change committed from now on; hot, so a subscriber sees only what comes after it subscribed. */
    public Multi<AggregateChange> stream() {
        return processor;
    }
}
