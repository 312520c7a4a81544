package org.reportplatform.dashboard.service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.reportplatform.dashboard.domain.Aggregate;
import org.reportplatform.dashboard.domain.AggregateId;

/**
 * What a batch of the aggregates topic changes: for each key only its last change, a new figure or a deletion.
 * A key is never both, so the two can be written in either order.
 */
public final class AggregateChanges {

    private final Map<AggregateId, Aggregate> upserts = new LinkedHashMap<>();
    private final Set<AggregateId> deletions = new LinkedHashSet<>();

    /** The row becomes the figure of its key, whatever came before it in the batch. */
    public void put(Aggregate row) {
        deletions.remove(row.id);
        upserts.put(row.id, row);
    }

    /** A tombstone: the key has no figure any more, whatever came before it in the batch. */
    public void delete(AggregateId id) {
        upserts.remove(id);
        deletions.add(id);
    }

    public Collection<Aggregate> upserts() {
        return upserts.values();
    }

    public Collection<AggregateId> deletions() {
        return deletions;
    }

    @Override
    public String toString() {
        return upserts.size() + " upserts and " + deletions.size() + " deletions";
    }
}
