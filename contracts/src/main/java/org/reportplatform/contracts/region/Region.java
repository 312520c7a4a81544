package org.reportplatform.contracts.region;

import java.util.Optional;

/** One administrative division; the parent is absent only for a province. */
public record Region(RegionCode code, String name, RegionLevel level, RegionKind kind, Optional<RegionCode> parent) {

    /** County-level regions are the units that submit reports. */
    public boolean isReportingUnit() {
        return level == RegionLevel.COUNTY;
    }
}
