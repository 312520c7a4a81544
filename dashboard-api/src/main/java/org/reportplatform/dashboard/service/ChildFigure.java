package org.reportplatform.dashboard.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import org.reportplatform.contracts.region.RegionCode;

/**
 * A region's figure among its siblings, read at the parent's cut-off so that they compare like with like.
 *
 * @param value           null while no unit of the region has reported
 * @param incompleteUnits units that stated some sub-periods up to the cut-off but not all: not in the figure
 * @param partial         a value from fewer units than expected: not ranked among the complete siblings
 * @param rank            competition rank among the complete siblings (every expected unit in the value); null for a
 *                        partial sibling and one without a value
 * @param shareOfParent   value / the parent's value × 100, for SUM indicators only; null otherwise, without a value or
 *                        when the parent's value is null or 0
 * @param target          the target and completion, written as fields of the figure
 * @param yearOverYear    the like-for-like comparison with a year earlier, written as fields of the figure
 */
public record ChildFigure(
        RegionCode region,
        String regionName,
        BigDecimal value,
        int reportingUnits,
        int expectedUnits,
        int withheldUnits,
        int incompleteUnits,
        boolean partial,
        Integer rank,
        BigDecimal shareOfParent,
        @JsonUnwrapped Target target,
        @JsonUnwrapped YearOverYear yearOverYear) {
}
