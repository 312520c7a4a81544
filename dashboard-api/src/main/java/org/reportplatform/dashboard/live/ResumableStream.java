package org.reportplatform.dashboard.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.reportplatform.dashboard.live.LiveChanges.LiveChange;
import org.reportplatform.dashboard.live.LiveChanges.Subscription;

/**
 * A client's stream (docs/adr/0019): for a client that resumes, the latest state of every figure that changed since
 * its position, read from the figures page by page as the client reads, partition after partition; then the live
 * changes, without a gap. The live subscription opens first and holds what comes during the replay in its bounded
 * buffer; positions tell which of the held changes the replay already covered. A client whose id is not a position of
 * this topic, or that is too far behind, and a client that lets its buffer overflow, get a reset.
 */
@ApplicationScoped
public class ResumableStream {

    /** Figures read from the database at a time, for one client. */
    static final int PAGE = 500;

    private final LiveChanges live;
    private final FigureChanges figures;
    private final LiveConfig config;

    ResumableStream(LiveChanges live, FigureChanges figures, LiveConfig config) {
        this.live = live;
        this.figures = figures;
        this.config = config;
    }

    /** The events for a client that last saw {@code lastEventId} (none: a new client, from now), endlessly. */
    public Multi<StreamEvent> open(Optional<String> lastEventId, Predicate<AggregateChange> wanted) {
        return Multi.createFrom().deferred(() -> {
            Subscription subscription = live.subscribe(wanted, config.bufferedChanges());
            StreamPosition now = subscription.from();
            Optional<StreamPosition> resumable = lastEventId.flatMap(StreamPosition::parse).filter(from -> canReplay(from, now));
            Multi<StreamEvent> start;
            Resumption resumption;
            if (lastEventId.isEmpty()) {
                resumption = new Resumption(now, wanted);
                start = Multi.createFrom().empty();
            } else if (resumable.isPresent()) {
                resumption = new Resumption(resumable.get(), wanted);
                start = replay(resumption, now);
            } else {
                resumption = new Resumption(now, wanted);
                start = Multi.createFrom().item(StreamEvent.reset(now));
            }
            Multi<StreamEvent> changes = subscription.changes()
                    .select().where(resumption::isNew)
                    .map(change -> resumption.event(change.json()))
                    // the client did not read what was held for it: it reloads, and resumes from the reset's id
                    .onFailure(BackPressureFailure.class).recoverWithItem(failure -> StreamEvent.reset(live.now()));
            return Multi.createBy().concatenating().streams(start, changes)
                    .onTermination().invoke(subscription.close());
        });
    }

    /** A position this topic's stream gave out, not too far behind {@code now}: its missed changes can be replayed. */
    private boolean canReplay(StreamPosition from, StreamPosition now) {
        return from.partitions() == now.partitions() && !from.isAheadOf(now) && from.recordsBefore(now) <= config.maxReplay();
    }

    private Multi<StreamEvent> replay(Resumption resumption, StreamPosition now) {
        List<Multi<StreamEvent>> partitions = IntStream.range(0, now.partitions())
                .mapToObj(partition -> replay(resumption, partition, now.nextOffset(partition))).toList();
        return Multi.createBy().concatenating().streams(partitions);
    }

    /** One page at a time, read when the client has taken the previous one: a slow client holds one page at most. */
    private Multi<StreamEvent> replay(Resumption resumption, int partition, long announced) {
        return Multi.createBy().repeating()
                .uni(() -> resumption, from -> Uni.createFrom()
                        .item(() -> figures.since(partition, from.nextOffset(partition), PAGE))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .whilst(page -> page.size() == PAGE)
                .onItem().<PositionedChange>disjoint()
                .select().where(resumption::isNew)
                .map(change -> resumption.event(live.write(change.change())))
                // the replay read every figure committed before the subscription's position
                .onCompletion().invoke(() -> resumption.covered(partition, announced));
    }

    /** Where one client's stream stands; touched by one stream at a time (the stream's items are serial). */
    private static final class Resumption {

        private final Predicate<AggregateChange> wanted;
        private StreamPosition sent;

        Resumption(StreamPosition from, Predicate<AggregateChange> wanted) {
            this.sent = from;
            this.wanted = wanted;
        }

        long nextOffset(int partition) {
            return sent.nextOffset(partition);
        }

        /** Whether the change lies beyond what the stream covered (and then counts as covered) and is wanted. */
        boolean isNew(PositionedChange change) {
            if (change.at().offset() < sent.nextOffset(change.at().partition())) {
                return false;
            }
            sent = sent.advanced(change.at().partition(), change.at().offset() + 1, sent.partitions());
            return wanted.test(change.change());
        }

        boolean isNew(LiveChange change) {
            return isNew(change.positioned());
        }

        void covered(int partition, long nextOffset) {
            sent = sent.advanced(partition, nextOffset, sent.partitions());
        }

        StreamEvent event(String json) {
            return StreamEvent.aggregate(sent, json);
        }
    }
}
