package org.reportplatform.dashboard.service;

/** Where a change stands in the aggregates topic: the partition and offset of the record that brought it. */
public record ChangePosition(int partition, long offset) {
}
