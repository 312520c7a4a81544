package org.reportplatform.dashboard.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportplatform.dashboard.service.ChildFigures;
import org.reportplatform.dashboard.service.FigureQueries;
import org.reportplatform.dashboard.service.RegionFigure;

@Path("/api/v1/aggregates/{indicator}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Aggregates", description = "Indicator figures per region and period")
public class AggregateResource {

    private final FigureQueries queries;

    AggregateResource(FigureQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "The figure of an indicator for a region and period",
            description = """
                    A known region without a figure yet answers with value null and reportingUnits 0. The figure is \
                    compared with the same period a year earlier (previousPeriod), from the aggregated values of both: \
                    yoyChange = value − previousValue; yoyPercent = yoyChange / previousValue × 100 for every value \
                    type but RATE, yoyPoints = yoyChange in percentage points for rates (the other one is null). They \
                    are null when either value is null, and yoyPercent when previousValue is 0. Percentages have 16 \
                    significant digits, trailing zeros stripped.""")
    public RegionFigure figure(
            @Parameter(description = "Indicator code, e.g. pre_gross_enrolment_rate") @PathParam("indicator") String indicator,
            @Parameter(description = "GB/T 2260 region code, e.g. 360700", required = true) @QueryParam("region") String region,
            @Parameter(description = "Period code, e.g. 2020, 2020S1, 2020Q3, 202009", required = true) @QueryParam("period") String period) {
        return queries.figure(indicator, RequestParameters.regionCode("region", region), RequestParameters.period("period", period));
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
            @Parameter(description = "Period code, e.g. 2020", required = true) @QueryParam("period") String period) {
        return queries.children(indicator, RequestParameters.regionCode("region", region), RequestParameters.period("period", period));
    }
}
