package org.reportplatform.dashboard.live;

import java.math.BigDecimal;
import java.time.Instant;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ValueKind;

/**
 * A change of a figure as the live stream sends it: small, the figure's key and its coverage. A dashboard that needs
 * more (year over year, ranks) asks the figure endpoints again.
 *
 * @param removed true when the figure was deleted (a tombstone); its value and counts are then null
 */
public record AggregateChange(
        String indicator,
        String region,
        String period,
        ValueKind kind,
        Basis basis,
        boolean removed,
        BigDecimal value,
        Integer reportingUnits,
        Integer withheldUnits,
        Integer expectedUnits,
        Instant updatedAt) {
}
