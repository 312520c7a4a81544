package org.reportplatform.contracts.access;

import java.util.Set;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * Who sent a request, from its verified token: a name for the record, the region the caller speaks for, and its
 * roles. A caller reads its region and everything below it, and nothing else.
 */
public record Caller(String name, RegionCode region, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True when {@code other} is the caller's region or lies below it. */
    public boolean covers(RegionCode other, RegionRegistry regions) {
        return regions.isWithin(other, region);
    }
}
