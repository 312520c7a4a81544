package org.reportplatform.dashboard.service;

/**
 * Fired (a CDI event, synchronously) once a batch of the aggregates topic is committed to the read model: what keeps
 * a copy of figures in memory updates it from here instead of reading the table again.
 */
public record FiguresCommitted(AggregateChanges changes) {
}
