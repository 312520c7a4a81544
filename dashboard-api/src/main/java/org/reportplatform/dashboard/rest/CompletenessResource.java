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
@Tag(name = "Completeness", description = "Which reporting units reported a form in full, partly or not at all, on time or late")
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
    @Operation(summary = "Expected, received, partial, held, returned, missing, on-time and late submissions of a form for a region and period",
            description = """
                    Expected units are the county-level reporting units within the region that the form is assigned \
                    to (datasets.json: unitKinds); a target set by a city or the province for itself is never \
                    expected. Each is in one state, judged on the version that counts (the latest not held): received \
                    (a full report: it states every required indicator as reported or redacted), partial (it states \
                    fewer; a target-only one too), held (the latest version waits for an explanation, 待说明, even \
                    while an earlier one counts), returned (the city returned it, until the unit sends it again) or \
                    missing. A received unit is on time when its first version not held (revisions do not count; \
                    backfilled history keeps its original report date) was made on or before dueDate in China time \
                    (Asia/Shanghai), late after it. reportingRate = received / expected × 100, timelyRate = onTime / \
                    expected × 100, neither above 100. A longer period made of the form's periods (a year or half-year \
                    of a quarterly form) counts its quarters (periods), only those that have ended while it is in \
                    progress: received when every quarter is, held or returned when a quarter is, partial when \
                    some are missing or partial; on time when every quarter was, by its own due date; dueDate is the \
                    last quarter's. children holds the same counts for each region directly below, highest \
                    reportingRate first, then by code (empty for a county); the unit lists are by code, with the \
                    periods that put the unit in its state; lateUnits most days late first. Percentages have 16 \
                    significant digits, trailing zeros stripped.""")
    @APIResponse(responseCode = "200", description = "The completeness of the form",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Completeness.class)))
    @APIResponse(responseCode = "400", description = "A missing or malformed parameter, or a period the form's periods do not make up",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "An unknown dataset or region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Completeness completeness(
            @Parameter(description = "Form code, e.g. edu_annual", required = true) @QueryParam("dataset") String dataset,
            @Parameter(description = "Period of the form's period type (2020 for a yearly form), or one its periods make up (2020 for a quarterly form)", required = true) @QueryParam("period") String period,
            @Parameter(description = "GB/T 2260 region code, e.g. 360000", required = true) @QueryParam("region") String region) {
        Dataset form = reference.dataset(RequestParameters.datasetCode("dataset", dataset));
        return queries.completeness(form, RequestParameters.periodOf(form, "period", period),
                regions.parse("region", region));
    }
}
