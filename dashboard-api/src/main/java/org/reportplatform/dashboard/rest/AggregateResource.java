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
                    A known region without a figure yet answers with value null and reportingUnits 0; partial is \
                    true for a value from fewer units than expected. A period longer than the indicator's owner form's \
                    (a year of a quarterly form) is served at one cut-off for every unit: the latest of it to date that \
                    has a figure at the region (coveredPeriod, e.g. 2024S1 of 2024; cutOff the last sub-period counted, \
                    e.g. 2024Q2); units that lack a sub-period up to it are not counted but listed as incompleteUnits. \
                    A year to date (2024YTD09) is served as asked. Year over year is like for like (同口径): over the \
                    comparableUnits that reported the indicator in both coveredPeriod and previousPeriod (a year \
                    earlier), comparableValue and previousValue are the figures over those units; yoyChange = \
                    comparableValue − previousValue; yoyPercent = yoyChange / previousValue × 100 for every value type \
                    but RATE, yoyPoints = yoyChange in percentage points for rates. With fewer than half the expected \
                    units comparable all of them are null and yoyNote says why (no-previous-period, \
                    no-comparable-units, too-few-comparable-units). target: the region's own target when it set one \
                    (targetSource region), completion = value / target × 100; else (targetSource units) the target over \
                    the targetUnits that set a target and reported the figure, completion = targetedValue (the figure \
                    over those units) / target × 100. A rate target stated as the rate is weighted by the unit's actual \
                    denominator. A to-date figure is measured against the whole period's target. Percentages have 16 \
                    significant digits, trailing zeros stripped.""")
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
                    The children are read at the parent's cut-off (see a single figure). Competition ranking (1, 2, 2, \
                    4) in the indicator's better direction among the complete children; partial children (fewer \
                    reporting units than expected) follow unranked (rank null, partial true), then those without a \
                    value. For SUM indicators each child has shareOfParent = value / the parent's \
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
