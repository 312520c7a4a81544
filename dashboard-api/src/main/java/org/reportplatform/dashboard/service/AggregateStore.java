package org.reportplatform.dashboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.reportplatform.contracts.event.AggregateKey;
import org.reportplatform.dashboard.domain.Aggregate;
import org.reportplatform.dashboard.domain.AggregateId;
import org.reportplatform.dashboard.domain.AggregateRepository;

/** Applies the aggregates topic to the read model. Both operations are idempotent, so redelivery is harmless. */
@ApplicationScoped
public class AggregateStore {

    private final AggregateRepository repository;

    AggregateStore(AggregateRepository repository) {
        this.repository = repository;
    }

    /** The row becomes the figure of its key, replacing any earlier one. */
    @Transactional
    public void save(Aggregate row) {
        repository.getEntityManager().merge(row);
    }

    /** A tombstone: the key has no figure any more. */
    @Transactional
    public void delete(AggregateKey key) {
        repository.deleteById(AggregateId.of(key));
    }
}
