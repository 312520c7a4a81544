package org.reportplatform.dashboard.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A client's stream of changes: those logged after the last one it saw, read back from the log, then the live ones,
 * without a gap and without a repeat. The live subscription starts before the replay, and what it brings meanwhile
 * is held until the replay is done; ids tell which of the held changes the replay already sent.
 */
@ApplicationScoped
public class ResumableStream {

    private final AggregateChangeLog log;
    private final LiveChanges live;

    ResumableStream(AggregateChangeLog log, LiveChanges live) {
        this.log = log;
        this.live = live;
    }

    /**
     * Whether the log still holds every change after {@code lastSeen}: not when trimmed past it, nor when the
     * client saw ids this log never had (the read model was rebuilt); such a client must reload its figures.
     */
    public boolean canResumeAfter(long lastSeen) {
        long oldest = log.oldestId();
        return lastSeen <= log.latestId() && (oldest == 0 || lastSeen >= oldest - 1);
    }

    /** The id a new client starts after: it has just read the figures, so only later changes concern it. */
    public long now() {
        return log.latestId();
    }

    /** Changes after {@code lastSeen} that {@code wanted} accepts, the logged ones first, then live ones, endlessly. */
    public Multi<AggregateChange> after(long lastSeen, Predicate<AggregateChange> wanted) {
        return Multi.createFrom().<AggregateChange>emitter(emitter -> new Resumption(emitter, lastSeen, wanted).start())
                // the replay reads the database: off the event loop
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private final class Resumption {

        private final MultiEmitter<? super AggregateChange> emitter;
        private final Predicate<AggregateChange> wanted;
        private final List<AggregateChange> held = new ArrayList<>();
        private long lastSent;
        private boolean replaying = true;

        Resumption(MultiEmitter<? super AggregateChange> emitter, long lastSeen, Predicate<AggregateChange> wanted) {
            this.emitter = emitter;
            this.lastSent = lastSeen;
            this.wanted = wanted;
        }

        void start() {
            Cancellable subscription = live.stream().subscribe().with(this::onLive, emitter::fail);
            emitter.onTermination(subscription::cancel);
            try {
                replay();
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }

        private void replay() {
            List<AggregateChange> page;
            do {
                page = log.after(lastSent, LiveChanges.PAGE);
                synchronized (this) {
                    page.forEach(this::send);
                }
            } while (page.size() == LiveChanges.PAGE && !emitter.isCancelled());
            synchronized (this) {
                held.forEach(this::send);
                held.clear();
                replaying = false;
            }
        }

        private synchronized void onLive(AggregateChange change) {
            if (replaying) {
                held.add(change);
            } else {
                send(change);
            }
        }

        private void send(AggregateChange change) {
            if (change.id() <= lastSent) {
                return;
            }
            lastSent = change.id();
            if (wanted.test(change)) {
                emitter.emit(change);
            }
        }
    }
}
