package org.reportplatform.dashboard.service;

/**
 * Fired (a CDI event, synchronously) once a batch of the aggregates topic is committed to the read model: what keeps
 * a copy of figures in memory updates it from here instead of reading the table again. {@code changes} holds what the
 * batch applied (a redelivered record is not in it twice). The writers of different partitions fire it concurrently
 * (docs/adr/0019), so an observer must be thread-safe; a key's changes still come in topic order, a key keeping its
 * partition.
 */
public record FiguresCommitted(AggregateChanges changes) {
}
