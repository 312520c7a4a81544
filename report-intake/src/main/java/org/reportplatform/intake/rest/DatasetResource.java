package org.reportplatform.intake.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.problem.ProblemException;

/** The forms county systems fill in: which indicators, which period type, which components go with a rate. */
@Path("/api/v1/datasets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    private final Catalogue catalogue;

    DatasetResource(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    public List<DatasetView> list() {
        return catalogue.datasets().stream().map(dataset -> DatasetView.of(dataset, catalogue)).toList();
    }

    @GET
    @Path("{code}")
    public DatasetView get(@PathParam("code") String code) {
        return parse(code).flatMap(catalogue::dataset)
                .map(dataset -> DatasetView.of(dataset, catalogue))
                .orElseThrow(() -> ProblemException.notFound("no dataset has this code", "没有此代码的报表"));
    }

    private static Optional<DatasetCode> parse(String code) {
        try {
            return Optional.of(DatasetCode.of(code));
        } catch (IllegalArgumentException notACode) {
            return Optional.empty();
        }
    }
}
