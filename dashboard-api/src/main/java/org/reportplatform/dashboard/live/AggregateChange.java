package org.reportplatform.dashboard.live;

import java.math.BigDecimal;
import java.time.Instant;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ValueKind;

/**
 * One entry of the change log, as the live stream sends it: small, the figure's key and its coverage. A dashboard
 * that needs more (year over year, ranks) asks the figure endpoints again.
 *
 * @param id      the event id: increasing, and kept across restarts
 * @param removed true when the figure was deleted (a tombstone); its value and counts are then null
 */
public record AggregateChange(
        long id,
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
