package org.reportplatform.dashboard.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.reportplatform.contracts.access.Callers;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * The region a request asks about, when the caller may read it: its own region or one below it. A reviewer of a city
 * or an analyst of a county sees that subtree only; a region outside it is refused, never silently narrowed.
 */
@ApplicationScoped
class ReadableRegions {

    private final Callers callers;
    private final RegionRegistry regions;

    ReadableRegions(Callers callers, RegionRegistry regions) {
        this.callers = callers;
        this.regions = regions;
    }

    RegionCode parse(String name, String raw) {
        RegionCode region = RequestParameters.regionCode(name, raw);
        var caller = callers.current();
        // an unknown region is the 404 of the query that looks it up, whoever asks
        if (regions.find(region).isPresent() && !caller.covers(region, regions)) {
            throw Callers.forbidden(name + " " + region + " lies outside " + caller.region() + ", the token's region",
                    name + " " + region + " 不在令牌所属地区 " + caller.region() + " 之内");
        }
        return region;
    }
}
