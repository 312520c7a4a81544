package org.reportplatform.dashboard.live;

import org.reportplatform.dashboard.service.ChangePosition;

/** A change of a figure with the position in the topic of the record that brought it. */
public record PositionedChange(AggregateChange change, ChangePosition at) {
}
