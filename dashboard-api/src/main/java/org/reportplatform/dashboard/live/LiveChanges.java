package org.reportplatform.dashboard.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.dashboard.domain.Aggregate;
import org.reportplatform.dashboard.domain.AggregateId;
import org.reportplatform.dashboard.service.AggregateChanges;
import org.reportplatform.dashboard.service.AggregateStore;

/**
 * Hands the changes of each committed batch to every open stream that wants them, from the batch itself (no read
 * back): each change is written as JSON once, whatever the number of streams, and only when one wants it. Each stream
 * gets its changes through a bounded buffer: a stream whose client does not read loses its buffer's worth at most,
 * then fails with a back-pressure failure (ResumableStream answers it with a reset). Also keeps the position up to
 * which batches were announced, the position a new client starts from.
 *
 * <p>Two locks, never held together by a writer: this object's guards the streams and the position (subscribing,
 * leaving, and taking a batch's receivers with its position, atomically), and {@link #deliveries} keeps the buffers'
 * producers serial, as reactive streams require. A buffer hands changes on to the HTTP response on the writer's
 * thread, into the HTTP layer and its locks, while an event loop that ends a stream comes from the HTTP layer to
 * leave, taking this object's lock: changes are handed out outside it, so the two can never wait for each other.
 */
@ApplicationScoped
@Startup
public class LiveChanges {

    /** A stream's live changes, from the position it was subscribed at; closed when the stream ends. */
    public record Subscription(StreamPosition from, Multi<LiveChange> changes, Runnable close) {
    }

    /** A change as broadcast: positioned, and its JSON written once for every stream. */
    public record LiveChange(PositionedChange positioned, String json) {
    }

    private record Listener(Predicate<AggregateChange> wanted, UnicastProcessor<LiveChange> buffer) {
    }

    private static final Comparator<PositionedChange> TOPIC_ORDER =
            Comparator.comparingInt((PositionedChange change) -> change.at().partition()).thenComparingLong(change -> change.at().offset());

    private final ObjectMapper json;
    /** Guarded by this object. */
    private final List<Listener> listeners = new ArrayList<>();
    private final Object deliveries = new Object();
    private StreamPosition announced;
    private int partitionCount;

    LiveChanges(AggregateStore store, ObjectMapper json, @ConfigProperty(name = "platform.topics.aggregates") String topic) {
        this.json = json;
        // what was applied before this start is replayed from the figures, never broadcast
        StreamPosition stored = StreamPosition.of();
        for (Map.Entry<Integer, Long> position : store.positions(topic).entrySet()) {
            stored = stored.advanced(position.getKey(), position.getValue(), 0);
        }
        this.announced = stored;
        this.partitionCount = stored.partitions();
    }

    /** A partition was assigned, to be applied from {@code nextOffset}; the topic has {@code partitions} partitions. */
    public synchronized void assigned(int partition, long nextOffset, int partitions) {
        partitionCount = Math.max(partitionCount, partitions);
        announced = announced.advanced(partition, nextOffset, partitionCount);
    }

    /** Called after a batch is committed: hands its changes, in topic order, to every stream that wants them. */
    public void announce(AggregateChanges applied) {
        List<Listener> receivers;
        synchronized (this) {
            // the streams open now get the batch; one that opens later starts after it
            receivers = List.copyOf(listeners);
            applied.nextOffsets().forEach((partition, next) -> announced = announced.advanced(partition.partition(), next, partitionCount));
        }
        if (receivers.isEmpty()) {
            return;
        }
        List<PositionedChange> changes = new ArrayList<>();
        applied.upserts().forEach(row -> changes.add(new PositionedChange(changeOf(row), applied.positionOf(row.id))));
        applied.deletions().forEach(id -> changes.add(new PositionedChange(removalOf(id), applied.positionOf(id))));
        changes.sort(TOPIC_ORDER);
        synchronized (deliveries) {
            changes.forEach(change -> offer(change, receivers));
        }
    }

    /** The position up to which every committed batch was announced. */
    public synchronized StreamPosition now() {
        return announced;
    }

    /**
     * Subscribes a stream to the changes {@code wanted} accepts, holding up to {@code capacity} of them until it
     * reads them; atomic with the announcements, so the stream gets every change after the position it is given.
     */
    public synchronized Subscription subscribe(Predicate<AggregateChange> wanted, int capacity) {
        Listener listener = new Listener(wanted, UnicastProcessor.create(new ArrayBlockingQueue<>(capacity), null));
        listeners.add(listener);
        return new Subscription(announced, listener.buffer(), () -> unsubscribe(listener));
    }

    private synchronized void unsubscribe(Listener listener) {
        listeners.remove(listener);
    }

    private void offer(PositionedChange change, List<Listener> receivers) {
        LiveChange written = null;
        for (Listener listener : receivers) {
            if (listener.wanted().test(change.change())) {
                if (written == null) {
                    written = new LiveChange(change, write(change.change()));
                }
                listener.buffer().onNext(written);
            }
        }
    }

    String write(AggregateChange change) {
        try {
            return json.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the change of " + change.indicator() + "|" + change.region(), e);
        }
    }

    private static AggregateChange changeOf(Aggregate row) {
        return new AggregateChange(row.id.indicator(), row.id.region(), row.id.period(), ValueKind.valueOf(row.id.kind()),
                Basis.valueOf(row.id.basis()), false, row.value, row.reportingUnits, row.withheldUnits, row.expectedUnits,
                row.updatedAt);
    }

    private static AggregateChange removalOf(AggregateId id) {
        return new AggregateChange(id.indicator(), id.region(), id.period(), ValueKind.valueOf(id.kind()),
                Basis.valueOf(id.basis()), true, null, null, null, null, null);
    }
}
