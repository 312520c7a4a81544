package org.reportplatform.dashboard.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.dashboard.service.ChildFigures;
import org.reportplatform.dashboard.service.FigureQueries;
import org.reportplatform.dashboard.service.Lineage;
import org.reportplatform.dashboard.service.LineageQueries;
import org.reportplatform.dashboard.service.RegionFigure;
import org.reportplatform.dashboard.service.Trend;

@Path("/api/v1/aggregates/{indicator}")
// figures are for the province and the cities, not for county systems, which read their own submissions at intake
@RolesAllowed({Role.Names.ANALYST, Role.Names.REVIEWER, Role.Names.PROVINCE, Role.Names.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Aggregates", description = "Indicator figures per region and period")
public class AggregateResource {

    private static final String STATUS = "received (the default): from the latest version of every series received; "
            + "accepted: from the latest version the province accepted";

    private final FigureQueries queries;
    private final LineageQueries lineage;
    private final ReadableRegions regions;

    AggregateResource(FigureQueries queries, LineageQueries lineage, ReadableRegions regions) {
        this.queries = queries;
        this.lineage = lineage;
        this.regions = regions;
    }

    @GET
    @Operation(summary = "The figure of an indicator for a region and period",
            description = """
                    A known region without a figure yet answers with value null and reportingUnits 0. The figure is \
                    compared with the same period a year earlier (previousPeriod), from the aggregated values of both: \
                    yoyChange = value − previousValue; yoyPercent = yoyChange / previousValue × 100 for every value \
                    type but RATE, yoyPoints = yoyChange in percentage points for rates (the other one is null). They \
                    are null when either value is null, and yoyPercent when previousValue is 0. target is the units' \
                    targets rolled up by the same rule, completion = value / target × 100. Percentages have 16 \
                    significant digits, trailing zeros stripped. A period longer than the form's (a year of a \
                    quarterly form) is rolled up over time: flows sum the sub-periods reported, stocks take the latest.""")
    public RegionFigure figure(
            @Parameter(description = "Indicator code, e.g. pre_gross_enrolment_rate") @PathParam("indicator") String indicator,
            @Parameter(description = "GB/T 2260 region code, e.g. 360700", required = true) @QueryParam("region") String region,
            @Parameter(description = "Period code, e.g. 2020, 2020S1, 2020Q3, 202009", required = true) @QueryParam("period") String period,
            @Parameter(description = STATUS) @QueryParam("status") String status) {
        return queries.figure(indicator, regions.parse("region", region), RequestParameters.period("period", period),
                RequestParameters.basis("status", status));
    }

    @GET
    @Path("children")
    @Operation(summary = "The figures of every region directly below a region, ranked",
            description = """
                    Competition ranking (1, 2, 2, 4) in the indicator's better direction; regions without a value have \
                    rank null and come last. For SUM indicators each child has shareOfParent = value / the parent's \
                    value × 100 (null for other rules, or when the parent's value is null or 0). The parent and every \
                    child carry the year-over-year fields described for a single figure.""")
    public ChildFigures children(
            @Parameter(description = "Indicator code, e.g. pre_gross_enrolment_rate") @PathParam("indicator") String indicator,
            @Parameter(description = "GB/T 2260 code of the parent region, e.g. 360700", required = true) @QueryParam("region") String region,
            @Parameter(description = "Period code, e.g. 2020", required = true) @QueryParam("period") String period,
            @Parameter(description = STATUS) @QueryParam("status") String status) {
        return queries.children(indicator, regions.parse("region", region), RequestParameters.period("period", period),
                RequestParameters.basis("status", status));
    }

    @GET
    @Path("trend")
    @Operation(summary = "The figures of an indicator for a region over consecutive periods",
            description = """
                    Every period from `from` to `to`, both included and of the same type (2015 to 2020, 2020Q1 to \
                    2021Q4), at most 40, oldest first; each with the fields of a single figure. A period without a \
                    figure has value null.""")
    public Trend trend(
            @Parameter(description = "Indicator code, e.g. edu_school_count") @PathParam("indicator") String indicator,
            @Parameter(description = "GB/T 2260 region code, e.g. 360000", required = true) @QueryParam("region") String region,
            @Parameter(description = "First period, e.g. 2015", required = true) @QueryParam("from") String from,
            @Parameter(description = "Last period, e.g. 2020", required = true) @QueryParam("to") String to,
            @Parameter(description = STATUS) @QueryParam("status") String status) {
        return queries.trend(indicator, regions.parse("region", region),
                RequestParameters.periodRange("from", from, "to", to), RequestParameters.basis("status", status));
    }

    @GET
    @Path("sources")
    @Operation(summary = "The county submissions a figure is computed from",
            description = """
                    Every submission of a reporting unit within the region, for the period or a shorter period that \
                    rolls up into it, in the version that counts: the latest (status=received) or the latest accepted \
                    (status=accepted). Each lists its values of the indicator and of the components it is computed \
                    from, actuals and targets, so that a provincial figure can be traced to its county sources.""")
    public Lineage sources(
            @Parameter(description = "Indicator code, e.g. pre_gross_enrolment_rate") @PathParam("indicator") String indicator,
            @Parameter(description = "GB/T 2260 region code, e.g. 360000", required = true) @QueryParam("region") String region,
            @Parameter(description = "Period code, e.g. 2020", required = true) @QueryParam("period") String period,
            @Parameter(description = STATUS) @QueryParam("status") String status) {
        return lineage.sources(indicator, regions.parse("region", region), RequestParameters.period("period", period),
                RequestParameters.basis("status", status));
    }
}
