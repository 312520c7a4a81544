package org.reportplatform.dashboard.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.service.ReferenceData;

@Path("/api/v1/regions")
@RolesAllowed({Role.Names.ANALYST, Role.Names.REVIEWER, Role.Names.PROVINCE, Role.Names.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "The administrative hierarchy (GB/T 2260)")
public class RegionResource {

    private final ReferenceData reference;
    private final RegionRegistry regions;

    RegionResource(ReferenceData reference, RegionRegistry regions) {
        this.reference = reference;
        this.regions = regions;
    }

    @GET
    @Path("{code}")
    @Operation(summary = "A region with its parent, its children and the number of reporting units within it")
    public RegionView region(@Parameter(description = "GB/T 2260 region code, e.g. 360000") @PathParam("code") String code) {
        Region region = reference.region(RequestParameters.regionCode("code", code));
        RegionView.Reference parent = region.parent()
                .flatMap(regions::find)
                .map(found -> new RegionView.Reference(found.code(), found.name()))
                .orElse(null);
        return new RegionView(region.code(), region.name(), region.level(), region.kind(), parent,
                regions.children(region.code()).stream().map(RegionView.Summary::of).toList(),
                regions.reportingUnitsWithin(region.code()));
    }
}
