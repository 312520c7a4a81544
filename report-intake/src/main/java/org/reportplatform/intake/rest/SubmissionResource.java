package org.reportplatform.intake.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.UUID;
import org.reportplatform.contracts.access.Caller;
import org.reportplatform.contracts.access.Callers;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.problem.FieldError;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.contracts.problem.ProblemException;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.intake.domain.SeriesKey;
import org.reportplatform.intake.domain.Submission;
import org.reportplatform.intake.service.ReviewService;
import org.reportplatform.intake.service.SubmissionService;

/**
 * Submissions and their review. A reporter submits for its own unit, the province for units within its region and
 * their targets (see {@link SubmitterAccess}); everyone reads and reviews only within its region: a submission outside
 * it is as unknown as one that does not exist.
 */
@Path("/api/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    private final SubmissionService service;
    private final ReviewService reviews;
    private final RegionRegistry regions;
    private final Callers callers;
    private final SubmitterAccess access;

    SubmissionResource(SubmissionService service, ReviewService reviews, RegionRegistry regions, Callers callers,
                       SubmitterAccess access) {
        this.service = service;
        this.reviews = reviews;
        this.regions = regions;
        this.callers = callers;
        this.access = access;
    }

    /**
     * 202 for a new submission: SUBMITTED and published to Kafka shortly after, or NEEDS_EXPLANATION and held, with
     * the values to explain in its warnings (published flagged held); 200 for a replay of one stored before. Either
     * way {@code partial} and {@code missingRequired} say which required indicators it lacks.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.REPORTER, Role.Names.PROVINCE, Role.Names.REVIEWER})
    public Response submit(SubmissionRequest request) {
        requireBody(request);
        Caller caller = callers.current();
        // a malformed or unknown region is the validator's to name; a known one may not be this caller's
        parsedRegion(request.region()).flatMap(regions::find)
                .flatMap(region -> access.refusal(caller, region, statesNoActual(request), request.reportedAt() != null))
                .ifPresent(refusal -> {
                    throw refusal;
                });
        SubmissionService.Outcome outcome = service.submit(request);
        Submission submission = outcome.submission();
        return Response.status(outcome.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(UriBuilder.fromResource(SubmissionResource.class).path(submission.id.toString()).build())
                .entity(SubmissionView.of(submission, regions))
                .build();
    }

    @GET
    @Path("{id}")
    @Authenticated
    public SubmissionView get(@PathParam("id") String id) {
        Submission submission = service.find(parseId(id));
        if (!callers.current().covers(RegionCode.of(submission.region), regions)) {
            throw ProblemException.notFound("no submission has this id");
        }
        return SubmissionView.of(submission, regions);
    }

    /**
     * One review action on the version of a series that counts; 200 with the submission as it now stands, 409 when
     * the version does not count or the action is not allowed from its review status.
     */
    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.REVIEWER, Role.Names.PROVINCE})
    public SubmissionView review(@PathParam("id") String id, TransitionRequest request) {
        return SubmissionView.of(reviews.review(parseId(id), requireBody(request), callers.current()), regions);
    }

    /** The versions of one (region, dataset, period), newest first; empty when none was submitted. */
    @GET
    @Authenticated
    public List<SubmissionView> history(@QueryParam("region") String region, @QueryParam("dataset") String dataset,
                                        @QueryParam("period") String period) {
        List<FieldError> invalid = new ArrayList<>();
        requireParameter("region", region, RegionCode::of, invalid);
        requireParameter("dataset", dataset, DatasetCode::of, invalid);
        requireParameter("period", period, PeriodCode::of, invalid);
        if (!invalid.isEmpty()) {
            throw new ProblemException(Problem.of("invalid-query", "Invalid query", 400,
                    "the history of a series needs a region, dataset and period code").withErrors(invalid));
        }
        Caller caller = callers.current();
        parsedRegion(region)
                .filter(asked -> !caller.covers(asked, regions))
                .ifPresent(asked -> {
                    throw Callers.forbidden(asked + " lies outside " + caller.region() + ", the token's region",
                            asked + " 不在令牌所属地区 " + caller.region() + " 之内");
                });
        return service.history(new SeriesKey(region, dataset, period)).stream()
                .map(submission -> SubmissionView.of(submission, regions))
                .toList();
    }

    /** No value is an actual figure: a region's own targets. A kind that is none is the validator's to name. */
    private static boolean statesNoActual(SubmissionRequest request) {
        return request.values() == null || request.values().stream().filter(Objects::nonNull)
                .noneMatch(value -> value.resolvedKind().filter(ValueKind.ACTUAL::equals).isPresent());
    }

    private static Optional<RegionCode> parsedRegion(String code) {
        try {
            return Optional.of(RegionCode.of(code));
        } catch (IllegalArgumentException notACode) {
            return Optional.empty();
        }
    }

    private static UUID parseId(String id) {
        return Ids.parse(id, "no submission has this id");
    }

    /** A body of JSON null reaches the method as null. */
    private static <T> T requireBody(T request) {
        if (request == null) {
            throw new ProblemException(Problem.of("malformed-json", "Malformed JSON", 400, "the body must be a JSON object"));
        }
        return request;
    }

    private static void requireParameter(String name, String value, Function<String, ?> parser, List<FieldError> invalid) {
        if (value == null || value.isBlank()) {
            invalid.add(new FieldError(name, "is required"));
            return;
        }
        try {
            parser.apply(value);
        } catch (IllegalArgumentException malformed) {
            invalid.add(new FieldError(name, "is not a " + name + " code"));
        }
    }
}
