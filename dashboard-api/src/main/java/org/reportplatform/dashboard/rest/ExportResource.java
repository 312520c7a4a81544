package org.reportplatform.dashboard.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.dashboard.export.CsvTable;
import org.reportplatform.dashboard.export.ExportTables;
import org.reportplatform.dashboard.service.ReferenceData;

@Path("/api/v1/export")
@RolesAllowed({Role.Names.ANALYST, Role.Names.REVIEWER, Role.Names.PROVINCE, Role.Names.ADMIN})
@Tag(name = "Export", description = "The dashboard's tables as CSV")
public class ExportResource {

    static final String CSV = "text/csv; charset=utf-8";

    private final ExportTables tables;
    private final ReferenceData reference;
    private final ReadableRegions regions;

    ExportResource(ExportTables tables, ReferenceData reference, ReadableRegions regions) {
        this.tables = tables;
        this.reference = reference;
        this.regions = regions;
    }

    @GET
    @Produces(CSV)
    @Operation(summary = "A table of the dashboard as CSV (UTF-8 with a byte order mark, for Excel)",
            description = """
                    type=children (indicator, region, period[, status]): the children of a region, ranked; \
                    type=completeness (dataset, period, region): each child's counts, then the region's total; \
                    type=sources (indicator, region, period[, status]): the county submissions of the figure; \
                    type=trend (indicator, region, from, to[, status]): the figure period by period. Headers are \
                    Chinese with the JSON field in brackets; numbers in plain notation; no value is an empty cell.""")
    public Response export(
            @Parameter(description = "children, completeness, sources or trend", required = true) @QueryParam("type") String type,
            @Parameter(description = "Indicator code (children, sources, trend)") @QueryParam("indicator") String indicator,
            @Parameter(description = "Form code (completeness)") @QueryParam("dataset") String dataset,
            @Parameter(description = "GB/T 2260 region code", required = true) @QueryParam("region") String region,
            @Parameter(description = "Period code (children, completeness, sources)") @QueryParam("period") String period,
            @Parameter(description = "First period (trend)") @QueryParam("from") String from,
            @Parameter(description = "Last period (trend)") @QueryParam("to") String to,
            @Parameter(description = "received (the default) or accepted (children, sources, trend)") @QueryParam("status") String status) {
        CsvTable table = switch (type == null ? "" : type) {
            case "children" -> tables.children(RequestParameters.required("indicator", indicator),
                    regions.parse("region", region), RequestParameters.period("period", period),
                    RequestParameters.basis("status", status));
            case "sources" -> tables.sources(RequestParameters.required("indicator", indicator),
                    regions.parse("region", region), RequestParameters.period("period", period),
                    RequestParameters.basis("status", status));
            case "trend" -> tables.trend(RequestParameters.required("indicator", indicator),
                    regions.parse("region", region), RequestParameters.periodRange("from", from, "to", to),
                    RequestParameters.basis("status", status));
            case "completeness" -> {
                Dataset form = reference.dataset(RequestParameters.datasetCode("dataset", dataset));
                yield tables.completeness(form, RequestParameters.periodOf(form, "period", period),
                        regions.parse("region", region));
            }
            default -> throw RequestParameters.invalid("type", "is children, completeness, sources or trend",
                    "须为 children、completeness、sources 或 trend");
        };
        return Response.ok(table.utf8WithBom(), CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + table.name() + ".csv\"")
                .build();
    }
}
