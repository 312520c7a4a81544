package org.reportplatform.intake.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.reportplatform.contracts.problem.Language;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.intake.config.IntakeConfig;

/**
 * Keeps request bodies within {@code intake.max-body-size} and says so in problem+json. This route refuses a
 * larger Content-Length before any byte is read; {@link StreamedBodyLimit} counts chunked bodies as they are read.
 * Quarkus's own {@code quarkus.http.limits.max-body-size}, set higher, stays as a backstop: its check runs at
 * route order -2, after this one, and answers an empty 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final int BEFORE_QUARKUS_BODY_LIMIT = -3;

    private final ObjectMapper json;
    private final long maxBytes;
    private final long maxTextBytes;

    BodySizeLimit(ObjectMapper json, IntakeConfig config) {
        this.json = json;
        this.maxBytes = config.maxBodySize().asLongValue();
        this.maxTextBytes = config.extraction().maxTextSize().asLongValue();
    }

    /** Narrative reports posted for extraction have a limit of their own; every other body the general one. */
    long maxBytes(String path) {
        return path.startsWith(ExtractionResource.PATH) ? maxTextBytes : maxBytes;
    }

    Problem problem(String path) {
        long max = maxBytes(path);
        return Problem.of("body-too-large", "Payload too large", 413, "the body may have at most " + max + " bytes")
                .withChinese("请求体过大", "请求体最多 " + max + " 字节")
                .withInstance(path);
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_BODY_LIMIT).handler(this::checkContentLength);
    }

    private void checkContentLength(RoutingContext context) {
        String contentLength = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        // Netty has already refused a Content-Length that is not a number
        if (contentLength == null || Long.parseLong(contentLength) <= maxBytes(context.request().path())) {
            context.next();
            return;
        }
        // The body will not be read, so the connection cannot carry another request: close it once answered.
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(answered -> context.request().connection().close())
                .end(write(problem(context.request().path())
                        .in(Language.preferred(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)))));
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem is always serialisable", e);
        }
    }
}
