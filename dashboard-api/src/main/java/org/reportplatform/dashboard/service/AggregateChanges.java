package org.reportplatform.dashboard.service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.reportplatform.dashboard.domain.Aggregate;
import org.reportplatform.dashboard.domain.AggregateId;

/**
 * What a batch of the aggregates topic changes: for each key only its last change, a new figure or a deletion, with
 * the position of the record that brought it; and for each partition of the batch the offset after its last record
 * (unreadable ones included), which becomes the partition's stored position. A key is never both an upsert and a
 * deletion, so the two can be written in either order.
 */
public final class AggregateChanges {

    private final Map<AggregateId, Aggregate> upserts = new LinkedHashMap<>();
    private final Map<AggregateId, ChangePosition> positions = new LinkedHashMap<>();
    private final Map<AggregateId, ChangePosition> deletions = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> nextOffsets = new LinkedHashMap<>();

    /** The row becomes the figure of its key, whatever came before it in the batch. */
    public void put(Aggregate row, ChangePosition at) {
        deletions.remove(row.id);
        upserts.put(row.id, row);
        positions.put(row.id, at);
    }

    /** A tombstone: the key has no figure any more, whatever came before it in the batch. */
    public void delete(AggregateId id, ChangePosition at) {
        upserts.remove(id);
        positions.remove(id);
        deletions.put(id, at);
    }

    /** The batch holds records of {@code partition} up to {@code nextOffset} (exclusive). */
    public void reached(TopicPartition partition, long nextOffset) {
        nextOffsets.merge(partition, nextOffset, Math::max);
    }

    public Collection<Aggregate> upserts() {
        return upserts.values();
    }

    public Collection<AggregateId> deletions() {
        return deletions.keySet();
    }

    /** The position of the change of {@code id}, an upsert or a deletion of this batch. */
    public ChangePosition positionOf(AggregateId id) {
        ChangePosition upserted = positions.get(id);
        return upserted != null ? upserted : deletions.get(id);
    }

    public Map<TopicPartition, Long> nextOffsets() {
        return nextOffsets;
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && deletions.isEmpty();
    }

    /**
     * What is left of this batch once the records before {@code applied} (per partition, the offset of the first
     * record not yet applied) are dropped: a batch delivered again, wholly or in part, is applied only once.
     */
    AggregateChanges notBefore(Map<Integer, Long> applied) {
        AggregateChanges left = new AggregateChanges();
        upserts.values().stream().filter(row -> isNew(positions.get(row.id), applied))
                .forEach(row -> left.put(row, positions.get(row.id)));
        deletions.forEach((id, at) -> {
            if (isNew(at, applied)) {
                left.delete(id, at);
            }
        });
        left.nextOffsets.putAll(nextOffsets);
        return left;
    }

    private static boolean isNew(ChangePosition at, Map<Integer, Long> applied) {
        return at.offset() >= applied.getOrDefault(at.partition(), 0L);
    }

    @Override
    public String toString() {
        return upserts.size() + " upserts and " + deletions.size() + " deletions";
    }
}
