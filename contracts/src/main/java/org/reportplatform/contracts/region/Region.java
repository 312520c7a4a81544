package org.reportplatform.contracts.region;

import java.util.List;
import java.util.Optional;

/**
 * One administrative division as it was while its code was in use; the parent is absent only for a province. A code
 * can have several such records over the years (a rename keeps the code, a retired code may be given out again).
 *
 * @param parent     the region it lay in while in use, which for a past record may itself be a past one
 * @param successors the codes its area went to when it ended, empty while in use or when the lists name none
 * @param successor  the one of them that continues it (赣县 360721 → 赣县区 360704), empty when it was split up
 */
public record Region(RegionCode code, String name, RegionLevel level, RegionKind kind, Optional<RegionCode> parent,
                     Validity validity, List<RegionCode> successors, Optional<RegionCode> successor) {

    public Region {
        successors = List.copyOf(successors);
        if (successor.isPresent() && !successors.contains(successor.get())) {
            throw new IllegalArgumentException(code + " " + name + ": successor " + successor.get() + " is not among its successors " + successors);
        }
        if (validity.isCurrent() && !successors.isEmpty()) {
            throw new IllegalArgumentException(code + " " + name + " is still in use, yet names successors " + successors);
        }
    }

    /** A region in use today whose history is not known. */
    public Region(RegionCode code, String name, RegionLevel level, RegionKind kind, Optional<RegionCode> parent) {
        this(code, name, level, kind, parent, Validity.ALWAYS, List.of(), Optional.empty());
    }

    /** County-level regions are the units that submit reports. */
    public boolean isReportingUnit() {
        return level == RegionLevel.COUNTY;
    }

    /** True while the code is still in use as this region. */
    public boolean isCurrent() {
        return validity.isCurrent();
    }
}
