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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns every failure into {@code application/problem+json}: callers never see a stack trace. Each answer is written
 * in the language the request's Accept-Language prefers ({@link Language}).
 */
public final class ProblemMappers {

    /** The Chinese of the HTTP-level refusals' titles, by status. */
    private static final Map<Integer, String> HTTP_TITLES_ZH = Map.of(
            400, "请求有误",
            404, "未找到",
            405, "不支持的方法",
            406, "无法提供所请求的格式",
            413, "请求体过大",
            415, "不支持的内容类型");

    private ProblemMappers() {
    }

    static Response respond(Problem problem, UriInfo uriInfo, HttpHeaders headers) {
        Problem located = problem.instance() == null && uriInfo != null
                ? problem.withInstance(uriInfo.getRequestUri().getRawPath())
                : problem;
        return Response.status(located.status()).type(Problem.MEDIA_TYPE).entity(located.in(Language.preferredBy(headers))).build();
    }

    /** Problems the application raised itself. */
    @Provider
    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Context
        UriInfo uriInfo;

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ProblemException exception) {
            return respond(exception.problem(), uriInfo, headers);
        }
    }

    /** HTTP-level refusals: unknown path (404), wrong method (405), wrong content type (415), not acceptable (406). */
    @Provider
    public static class HttpProblemMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uriInfo;

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(WebApplicationException exception) {
            // Quarkus REST wraps JSON syntax errors (and numbers beyond Jackson's limits) in a plain 400
            if (exception.getCause() instanceof JsonProcessingException json) {
                return JsonProblemMapper.problem(json, uriInfo, headers);
            }
            Response.StatusType status = exception.getResponse().getStatusInfo();
            String detail = switch (status.getStatusCode()) {
                case 415 -> "send the body as Content-Type: application/json";
                case 405 -> "this resource does not support that method";
                case 404 -> "no resource at this path";
                default -> exception.getMessage();
            };
            // the default is the framework's English message, which has no Chinese
            String detailZh = switch (status.getStatusCode()) {
                case 415 -> "请以 Content-Type: application/json 发送请求体";
                case 405 -> "此资源不支持该请求方法";
                case 404 -> "此路径下没有资源";
                default -> null;
            };
            Problem problem = Problem.of(slug(status.getReasonPhrase()), status.getReasonPhrase(), status.getStatusCode(), detail)
                    .withChinese(HTTP_TITLES_ZH.get(status.getStatusCode()), detailZh);
            return respond(problem, uriInfo, headers);
        }

        private static String slug(String phrase) {
            return phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }
    }

    /** A body that is not JSON, or JSON of the wrong shape: 400 naming the field where Jackson knows it. */
    @Provider
    public static class JsonProblemMapper implements ExceptionMapper<JsonProcessingException> {
        @Context
        UriInfo uriInfo;

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(JsonProcessingException exception) {
            return problem(exception, uriInfo, headers);
        }

        /** Jackson's own words are English; the Chinese says what is wrong and quotes them. */
        static Response problem(JsonProcessingException exception, UriInfo uriInfo, HttpHeaders headers) {
            if (exception instanceof JsonParseException || !(exception instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
                Problem malformed = Problem.of("malformed-json", "Malformed JSON", 400,
                        "the body is not valid JSON: " + readable(exception))
                        .withChinese("JSON 格式错误", "请求体不是有效的 JSON：" + readable(exception));
                return respond(malformed, uriInfo, headers);
            }
            String field = path(mapping.getPath());
            Problem wrongShape = Problem.of("malformed-json", "Malformed JSON", 400, "a field has the wrong type")
                    .withChinese("JSON 格式错误", "有字段的类型不对")
                    .withErrors(List.of(new FieldError(field, readable(exception), "类型不对：" + readable(exception))));
            return respond(wrongShape, uriInfo, headers);
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

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(MismatchedInputException exception) {
            return JsonProblemMapper.problem(exception, uriInfo, headers);
        }
    }

    /** No token, or one that fails verification (signature, issuer, audience, expiry): 401 with the Bearer challenge. */
    @Provider
    public static class UnauthenticatedProblemMapper implements ExceptionMapper<AuthenticationFailedException> {
        @Context
        UriInfo uriInfo;

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(AuthenticationFailedException exception) {
            return unauthenticated(uriInfo, headers);
        }
    }

    /** An endpoint that needs a caller reached without a token. */
    @Provider
    public static class UnauthorizedProblemMapper implements ExceptionMapper<UnauthorizedException> {
        @Context
        UriInfo uriInfo;

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(UnauthorizedException exception) {
            return unauthenticated(uriInfo, headers);
        }
    }

    /** A valid token without the role the endpoint needs. */
    @Provider
    public static class ForbiddenProblemMapper implements ExceptionMapper<ForbiddenException> {
        @Context
        UriInfo uriInfo;

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ForbiddenException exception) {
            return respond(Problem.of("forbidden", "Forbidden", 403, "the token's roles do not allow this request")
                    .withChinese("无权访问", "令牌的角色不允许此请求"), uriInfo, headers);
        }
    }

    static Response unauthenticated(UriInfo uriInfo, HttpHeaders headers) {
        Problem problem = Problem.of("unauthenticated", "Unauthenticated", 401,
                "send a valid bearer token: Authorization: Bearer <JWT> (signed by the platform's issuer, for its audience, not expired)")
                .withChinese("未认证", "请发送有效的令牌：Authorization: Bearer <JWT>（由平台签发、受众为本平台、未过期）");
        return Response.fromResponse(respond(problem, uriInfo, headers)).header("WWW-Authenticate", "Bearer").build();
    }

    /** Anything unforeseen: 500 with an id to find the logged cause, never the cause itself. */
    @Provider
    public static class UnexpectedProblemMapper implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class);

        @Context
        UriInfo uriInfo;

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Throwable exception) {
            if (DatabaseFailures.isUnavailable(exception)) {
                LOG.warnf("Database unavailable: %s", exception.getMessage());
                Problem problem = Problem.of("service-unavailable", "Service unavailable", 503,
                        "the database is unavailable; nothing was stored: retry shortly")
                        .withChinese("服务暂不可用", "数据库暂不可用，未存储任何数据：请稍后重试");
                return Response.fromResponse(respond(problem, uriInfo, headers)).header("Retry-After", "5").build();
            }
            String incident = UUID.randomUUID().toString();
            LOG.errorf(exception, "Unexpected failure, incident %s", incident);
            return respond(Problem.of("internal-error", "Internal error", 500,
                    "the request could not be completed; incident " + incident)
                    .withChinese("内部错误", "请求未能完成；事件编号 " + incident), uriInfo, headers);
        }
    }
}
