package org.reportplatform.dashboard.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import org.reportplatform.contracts.region.RegionCode;

/**
 * A region's figure among its siblings.
 *
 * @param value         null while no unit of the region has reported
 * @param rank          competition rank among the siblings with a value; null without a value
 * @param shareOfParent value / the parent's value × 100, for SUM indicators only; null otherwise, without a value or
 *                      when the parent's value is null or 0
 * @param target        the target and completion, written as fields of the figure
 * @param yearOverYear  the comparison with a year earlier, written as fields of the figure
 */
public record ChildFigure(
        RegionCode region,
        String regionName,
        BigDecimal value,
        int reportingUnits,
        int expectedUnits,
        int withheldUnits,
        Integer rank,
        BigDecimal shareOfParent,
        @JsonUnwrapped Target target,
        @JsonUnwrapped YearOverYear yearOverYear) {
}
