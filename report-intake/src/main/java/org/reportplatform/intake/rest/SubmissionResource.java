package org.reportplatform.intake.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.reportplatform.contracts.problem.FieldError;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.contracts.problem.ProblemException;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.intake.domain.SeriesKey;
import org.reportplatform.intake.domain.Submission;
import org.reportplatform.intake.service.SubmissionService;

@Path("/api/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    /** The canonical form only: UUID.fromString also takes odd spellings such as 1-2-3-4-5. */
    private static final Pattern UUID_FORMAT = Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private final SubmissionService service;
    private final RegionRegistry regions;

    SubmissionResource(SubmissionService service, RegionRegistry regions) {
        this.service = service;
        this.regions = regions;
    }

    /**
     * 202 for a new submission: SUBMITTED and published to Kafka shortly after, or NEEDS_EXPLANATION and held, with
     * the values to explain in its warnings; 200 for a replay of one stored before.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(SubmissionRequest request) {
        if (request == null) {
            throw new ProblemException(Problem.of("malformed-json", "Malformed JSON", 400, "the body must be a JSON object"));
        }
        SubmissionService.Outcome outcome = service.submit(request);
        Submission submission = outcome.submission();
        return Response.status(outcome.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(UriBuilder.fromResource(SubmissionResource.class).path(submission.id.toString()).build())
                .entity(SubmissionView.of(submission, regions))
                .build();
    }

    @GET
    @Path("{id}")
    public SubmissionView get(@PathParam("id") String id) {
        if (!UUID_FORMAT.matcher(id).matches()) {
            throw ProblemException.notFound("no submission has this id");
        }
        return SubmissionView.of(service.find(UUID.fromString(id)), regions);
    }

    /** The versions of one (region, dataset, period), newest first; empty when none was submitted. */
    @GET
    public List<SubmissionView> history(@QueryParam("region") String region, @QueryParam("dataset") String dataset,
                                        @QueryParam("period") String period) {
        List<FieldError> missing = new ArrayList<>();
        requireParameter("region", region, missing);
        requireParameter("dataset", dataset, missing);
        requireParameter("period", period, missing);
        if (!missing.isEmpty()) {
            throw new ProblemException(Problem.of("invalid-query", "Invalid query", 400,
                    "the history of a series needs region, dataset and period").withErrors(missing));
        }
        return service.history(new SeriesKey(region, dataset, period)).stream()
                .map(submission -> SubmissionView.of(submission, regions))
                .toList();
    }

    private static void requireParameter(String name, String value, List<FieldError> missing) {
        if (value == null || value.isBlank()) {
            missing.add(new FieldError(name, "is required"));
        }
    }
}
