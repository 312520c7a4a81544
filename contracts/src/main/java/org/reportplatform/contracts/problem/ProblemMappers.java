package org.reportplatform.contracts.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Turns every failure into {@code application/problem+json}: callers never see a stack trace. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    static Response respond(Problem problem, UriInfo uriInfo) {
        Problem located = problem.instance() == null && uriInfo != null
                ? problem.withInstance(uriInfo.getRequestUri().getRawPath())
                : problem;
        return Response.status(located.status()).type(Problem.MEDIA_TYPE).entity(located).build();
    }

    /** Problems the application raised itself. */
    @Provider
    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(ProblemException exception) {
            return respond(exception.problem(), uriInfo);
        }
    }

    /** HTTP-level refusals: unknown path (404), wrong method (405), wrong content type (415), not acceptable (406). */
    @Provider
    public static class HttpProblemMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(WebApplicationException exception) {
            // Quarkus REST wraps JSON syntax errors (and numbers beyond Jackson's limits) in a plain 400
            if (exception.getCause() instanceof JsonProcessingException json) {
                return JsonProblemMapper.problem(json, uriInfo);
            }
            Response.StatusType status = exception.getResponse().getStatusInfo();
            String detail = switch (status.getStatusCode()) {
                case 415 -> "send the body as Content-Type: application/json";
                case 405 -> "this resource does not support that method";
                case 404 -> "no resource at this path";
                default -> exception.getMessage();
            };
            return respond(Problem.of(slug(status.getReasonPhrase()), status.getReasonPhrase(), status.getStatusCode(), detail), uriInfo);
        }

        private static String slug(String phrase) {
            return phrase.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }
    }

    /** A body that is not JSON, or JSON of the wrong shape: 400 naming the field where Jackson knows it. */
    @Provider
    public static class JsonProblemMapper implements ExceptionMapper<JsonProcessingException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(JsonProcessingException exception) {
            return problem(exception, uriInfo);
        }

        static Response problem(JsonProcessingException exception, UriInfo uriInfo) {
            if (exception instanceof JsonParseException || !(exception instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
                Problem malformed = Problem.of("malformed-json", "Malformed JSON", 400,
                        "the body is not valid JSON: " + readable(exception));
                return respond(malformed, uriInfo);
            }
            String field = path(mapping.getPath());
            Problem wrongShape = Problem.of("malformed-json", "Malformed JSON", 400, "a field has the wrong type")
                    .withErrors(List.of(new FieldError(field, readable(exception))));
            return respond(wrongShape, uriInfo);
        }

        private static String path(List<JsonMappingException.Reference> references) {
            return references.stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining())
                    .replaceFirst("^\\.", "");
        }

        /** Jackson's first line, with simple class names in place of qualified ones. */
        private static String readable(JsonProcessingException exception) {
            String message = exception.getOriginalMessage();
            return message.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)", "$1").replace("`", "")
                    .lines().findFirst().orElse(message);
        }
    }

    /**
     * JSON of the wrong shape (a string where a number belongs, an array for an object). Quarkus REST has a
     * built-in mapper for exactly this type that answers an empty 400; the application's own mapper wins over it.
     */
    @Provider
    public static class MismatchedInputProblemMapper implements ExceptionMapper<MismatchedInputException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(MismatchedInputException exception) {
            return JsonProblemMapper.problem(exception, uriInfo);
        }
    }

    /** No token, or one that fails verification (signature, issuer, audience, expiry): 401 with the Bearer challenge. */
    @Provider
    public static class UnauthenticatedProblemMapper implements ExceptionMapper<AuthenticationFailedException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(AuthenticationFailedException exception) {
            return unauthenticated(uriInfo);
        }
    }

    /** An endpoint that needs a caller reached without a token. */
    @Provider
    public static class UnauthorizedProblemMapper implements ExceptionMapper<UnauthorizedException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(UnauthorizedException exception) {
            return unauthenticated(uriInfo);
        }
    }

    /** A valid token without the role the endpoint needs. */
    @Provider
    public static class ForbiddenProblemMapper implements ExceptionMapper<ForbiddenException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(ForbiddenException exception) {
            return respond(Problem.of("forbidden", "Forbidden", 403, "the token's roles do not allow this request"), uriInfo);
        }
    }

    static Response unauthenticated(UriInfo uriInfo) {
        Problem problem = Problem.of("unauthenticated", "Unauthenticated", 401,
                "send a valid bearer token: Authorization: Bearer <JWT> (signed by the platform's issuer, for its audience, not expired)");
        return Response.fromResponse(respond(problem, uriInfo)).header("WWW-Authenticate", "Bearer").build();
    }

    /** Anything unforeseen: 500 with an id to find the logged cause, never the cause itself. */
    @Provider
    public static class UnexpectedProblemMapper implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class);

        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(Throwable exception) {
            if (DatabaseFailures.isUnavailable(exception)) {
                LOG.warnf("Database unavailable: %s", exception.getMessage());
                Problem problem = Problem.of("service-unavailable", "Service unavailable", 503,
                        "the database is unavailable; nothing was stored: retry shortly");
                return Response.fromResponse(respond(problem, uriInfo)).header("Retry-After", "5").build();
            }
            String incident = UUID.randomUUID().toString();
            LOG.errorf(exception, "Unexpected failure, incident %s", incident);
            return respond(Problem.of("internal-error", "Internal error", 500,
                    "the request could not be completed; incident " + incident), uriInfo);
        }
    }
}
