package org.reportplatform.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.problem.FieldError;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.contracts.problem.ProblemException;
import org.reportplatform.intake.extraction.Draft;
import org.reportplatform.intake.service.ExtractionService;

/**
 * Narrative reports (工作总结, 工作汇报) posted as plain text: the numeric facts they state, mapped to the catalogue,
 * and from them a draft submission of one form for a person to confirm.
 */
@Path(ExtractionResource.PATH)
@RolesAllowed({Role.Names.REPORTER, Role.Names.REVIEWER, Role.Names.PROVINCE})
@Produces(MediaType.APPLICATION_JSON)
public class ExtractionResource {

    static final String PATH = "/api/v1/extractions";

    private static final Set<String> UTF_8_NAMES = Set.of("utf-8", "utf8");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final ExtractionService service;

    ExtractionResource(ExtractionService service) {
        this.service = service;
    }

    /** Any content type reaches this method, so that a wrong one is answered with what to send instead. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public ExtractionView extract(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return ExtractionView.of(service.extract(readText(contentType, body)));
    }

    @GET
    @Path("{id}")
    public ExtractionView get(@PathParam("id") String id) {
        return ExtractionView.of(service.find(Ids.parse(id, "no extraction has this id")));
    }

    /** The actual facts of the extraction that fill the form, as the body of a submission to confirm and send. */
    @POST
    @Path("{id}/draft")
    public Draft draft(@PathParam("id") String id, @QueryParam("region") String region,
                       @QueryParam("dataset") String dataset, @QueryParam("period") String period) {
        return service.draft(Ids.parse(id, "no extraction has this id"), region, dataset, period);
    }

    private static String readText(String contentType, byte[] body) {
        MediaType type = parse(contentType);
        if (type == null || !type.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
            throw unsupported("send the report as Content-Type: text/plain; charset=utf-8");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !UTF_8_NAMES.contains(charset.toLowerCase(Locale.ROOT))) {
            throw unsupported("the text must be UTF-8; " + charset + " is not read");
        }
        String text = decode(body == null ? new byte[0] : body);
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw invalidText("is empty: post the report's text");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw invalidText("contains NUL characters, which no report text has");
        }
        return text;
    }

    private static MediaType parse(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return MediaType.valueOf(contentType);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.of("malformed-text", "Malformed text", 400,
                    "the body is not valid UTF-8; convert the report to UTF-8 before posting it"));
        }
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(Problem.of("unsupported-media-type", "Unsupported Media Type", 415, detail));
    }

    private static ProblemException invalidText(String message) {
        return ProblemException.invalid("invalid-text", "Invalid report text", List.of(new FieldError("body", message)));
    }
}
