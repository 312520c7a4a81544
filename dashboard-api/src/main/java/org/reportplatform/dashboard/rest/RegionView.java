package org.reportplatform.dashboard.rest;

import java.util.List;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionKind;
import org.reportplatform.contracts.region.RegionLevel;

/**
 * A region with its place in the hierarchy.
 *
 * @param parent         null for a province
 * @param reportingUnits county-level units within the region, itself included
 */
public record RegionView(
        RegionCode code,
        String name,
        RegionLevel level,
        RegionKind kind,
        Reference parent,
        List<Summary> children,
        int reportingUnits) {

    public record Reference(RegionCode code, String name) {
    }

    public record Summary(RegionCode code, String name, RegionLevel level, RegionKind kind) {

        static Summary of(Region region) {
            return new Summary(region.code(), region.name(), region.level(), region.kind());
        }
    }
}
