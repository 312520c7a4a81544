package org.reportplatform.dashboard.service;

import java.math.BigDecimal;
import org.reportplatform.contracts.region.RegionCode;

/**
 * A region's figure among its siblings.
 *
 * @param value null while no unit of the region has reported
 * @param rank  competition rank among the siblings with a value; null without a value
 */
public record ChildFigure(
        RegionCode region,
        String regionName,
        BigDecimal value,
        int reportingUnits,
        int expectedUnits,
        int withheldUnits,
        Integer rank) {
}
