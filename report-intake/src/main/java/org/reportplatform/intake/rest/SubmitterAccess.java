package org.reportplatform.intake.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.reportplatform.contracts.access.Caller;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionLevel;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * Who may post a submission for a region. A unit's reporter sends its own figures as they come; the province loads
 * the history of any unit within its region, with the date each was originally reported, and sets the top-down
 * (下达) targets of its region and of the cities within it; a city's reviewer sets its own city's targets.
 */
@ApplicationScoped
public class SubmitterAccess {

    private final RegionRegistry regions;

    SubmitterAccess(RegionRegistry regions) {
        this.regions = regions;
    }

    /**
     * Why the caller may not post this submission; empty when it may.
     *
     * @param targetsOnly true when the submission states no actual figure (the region's own targets)
     * @param backfilled  true when it carries a reportedAt: history loaded with its original report date
     */
    public Optional<String> refusal(Caller caller, Region region, boolean targetsOnly, boolean backfilled) {
        boolean province = caller.has(Role.PROVINCE) && caller.covers(region.code(), regions);
        boolean ownRegion = region.code().equals(caller.region());
        boolean regionsOwnTargets = !region.isReportingUnit() && targetsOnly;
        // what a reporter sends for its own region is the validator's to judge, but a region's top-down targets
        boolean reporter = caller.has(Role.REPORTER) && ownRegion && !regionsOwnTargets;
        boolean citysReviewer = caller.has(Role.REVIEWER) && ownRegion && region.level() == RegionLevel.CITY && regionsOwnTargets;
        if (province || (!backfilled && (reporter || citysReviewer))) {
            return Optional.empty();
        }
        if (backfilled) {
            return Optional.of("reportedAt loads history with its original report date: only a province token sends it,"
                    + " for units within its region");
        }
        if (!region.isReportingUnit()) {
            return Optional.of("the targets of " + region.code() + " are set by the province"
                    + (region.level() == RegionLevel.CITY ? ", or by the reviewer of that city" : ""));
        }
        if (caller.has(Role.REPORTER)) {
            return Optional.of("a reporter submits for its own unit, " + caller.region() + ", not for " + region.code());
        }
        return Optional.of("the figures of " + region.code() + " are submitted by its reporter, or loaded by the province");
    }
}
