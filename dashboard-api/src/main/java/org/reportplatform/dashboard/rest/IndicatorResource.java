package org.reportplatform.dashboard.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.dashboard.service.ReferenceData;

@Path("/api/v1/indicators")
@RolesAllowed({Role.Names.ANALYST, Role.Names.REVIEWER, Role.Names.PROVINCE, Role.Names.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "The indicator catalogue")
public class IndicatorResource {

    private final Catalogue catalogue;
    private final ReferenceData reference;

    IndicatorResource(Catalogue catalogue, ReferenceData reference) {
        this.catalogue = catalogue;
        this.reference = reference;
    }

    @GET
    @Operation(summary = "The indicator catalogue, optionally of one domain")
    public List<IndicatorView> indicators(
            @Parameter(description = "Only this domain, e.g. preschool") @QueryParam("domain") String domain) {
        return catalogue.indicators().stream()
                .filter(indicator -> domain == null || indicator.domain().equals(domain))
                .map(indicator -> IndicatorView.of(indicator, catalogue))
                .toList();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One indicator of the catalogue")
    public IndicatorView indicator(@Parameter(description = "Indicator code, e.g. pre_gross_enrolment_rate") @PathParam("code") String code) {
        return IndicatorView.of(reference.indicator(code), catalogue);
    }
}
