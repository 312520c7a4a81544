package org.reportplatform.intake.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.reportplatform.contracts.access.Callers;
import org.reportplatform.contracts.problem.ProblemException;
import java.util.Optional;
import org.reportplatform.contracts.access.Caller;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionLevel;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * Who may post a submission for a region. A unit's reporter sends its own figures as they come, and those of the codes
 * it took over for the years they were in use (赣县区 360704 reports 赣县 360721's 2015); the province loads
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
     * Why the caller may not post this submission, as the 403 to answer; empty when it may.
     *
     * @param targetsOnly true when the submission states no actual figure (the region's own targets)
     * @param backfilled  true when it carries a reportedAt: history loaded with its original report date
     */
    public Optional<ProblemException> refusal(Caller caller, Region region, boolean targetsOnly, boolean backfilled) {
        boolean province = caller.has(Role.PROVINCE) && caller.covers(region.code(), regions);
        boolean ownRegion = region.code().equals(caller.region()) || regions.isPredecessorOf(region.code(), caller.region());
        boolean regionsOwnTargets = !region.isReportingUnit() && targetsOnly;
        // what a reporter sends for its own region is the validator's to judge, but a region's top-down targets
        boolean reporter = caller.has(Role.REPORTER) && ownRegion && !regionsOwnTargets;
        boolean citysReviewer = caller.has(Role.REVIEWER) && ownRegion && region.level() == RegionLevel.CITY && regionsOwnTargets;
        if (province || (!backfilled && (reporter || citysReviewer))) {
            return Optional.empty();
        }
        if (backfilled) {
            return Optional.of(Callers.forbidden("reportedAt loads history with its original report date: only a province"
                    + " token sends it, for units within its region", "reportedAt 用于按原报送日期补录历史数据，仅省级令牌可为其辖区内单位使用"));
        }
        if (!region.isReportingUnit()) {
            boolean city = region.level() == RegionLevel.CITY;
            return Optional.of(Callers.forbidden("the targets of " + region.code() + " are set by the province"
                    + (city ? ", or by the reviewer of that city" : ""),
                    region.code() + " 的目标由省级" + (city ? "或该市审核员" : "") + "下达"));
        }
        if (caller.has(Role.REPORTER)) {
            return Optional.of(Callers.forbidden("a reporter submits for its own unit, " + caller.region() + ", not for "
                    + region.code(), "填报员只能为本单位 " + caller.region() + " 报送，不能为 " + region.code() + " 报送"));
        }
        return Optional.of(Callers.forbidden("the figures of " + region.code() + " are submitted by its reporter, or loaded"
                + " by the province", region.code() + " 的数据由本单位报送或由省级补录"));
    }
}
