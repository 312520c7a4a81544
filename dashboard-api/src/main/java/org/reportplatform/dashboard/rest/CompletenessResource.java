package org.reportplatform.dashboard.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.dashboard.service.Completeness;
import org.reportplatform.dashboard.service.CompletenessQueries;
import org.reportplatform.dashboard.service.ReferenceData;

@Path("/api/v1/completeness")
@RolesAllowed({Role.Names.ANALYST, Role.Names.REVIEWER, Role.Names.PROVINCE, Role.Names.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Completeness", description = "Which reporting units submitted a form, on time or late")
public class CompletenessResource {

    private final CompletenessQueries queries;
    private final ReferenceData reference;
    private final ReadableRegions regions;

    CompletenessResource(CompletenessQueries queries, ReferenceData reference, ReadableRegions regions) {
        this.queries = queries;
        this.reference = reference;
        this.regions = regions;
    }

    @GET
    @Operation(summary = "Expected, received, on-time, late and missing submissions of a form for a region and period",
            description = """
                    Expected units are the county-level reporting units within the region that the form is assigned \
                    to (datasets.json: unitKinds); only their submissions count, so reportingRate (received / expected × 100) \
                    never exceeds 100. A unit is on time when its first submission (revisions do not count) was made \
                    on or before dueDate in China time (Asia/Shanghai), late after it, missing without any. children \
                    holds the same counts for each region directly below, highest reportingRate first, then by code \
                    (empty for a county); missingUnits are listed by code, lateUnits most days late first. \
                    Percentages have 16 significant digits, trailing zeros stripped.""")
    @APIResponse(responseCode = "200", description = "The completeness of the form",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Completeness.class)))
    @APIResponse(responseCode = "400", description = "A missing or malformed parameter, or a period not of the form's type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "An unknown dataset or region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Completeness completeness(
            @Parameter(description = "Form code, e.g. edu_annual", required = true) @QueryParam("dataset") String dataset,
            @Parameter(description = "Period of the form's period type, e.g. 2020 for a yearly form", required = true) @QueryParam("period") String period,
            @Parameter(description = "GB/T 2260 region code, e.g. 360000", required = true) @QueryParam("region") String region) {
        Dataset form = reference.dataset(RequestParameters.datasetCode("dataset", dataset));
        return queries.completeness(form, RequestParameters.periodOf(form, "period", period),
                regions.parse("region", region));
    }
}
