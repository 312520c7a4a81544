package org.reportplatform.contracts.problem;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}), the body of every 4xx and 5xx answer.
 * {@code errors} lists each bad field when a request is rejected for its content. {@code titleZh} and
 * {@code detailZh}, when given, are the Chinese of title and detail; {@link ProblemMappers} writes the language the
 * request prefers into {@code title} and {@code detail}, so the wire has the same fields in either language.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      @JsonIgnore String titleZh, @JsonIgnore String detailZh) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_PREFIX = "urn:report-platform:problem:";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem known in English only. */
    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null, null);
    }

    /** A problem of a kind named by {@code slug}, e.g. {@code invalid-submission}. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, List.of());
    }

    /** The same problem, with its title and detail in Chinese for callers who prefer it. */
    public Problem withChinese(String chineseTitle, String chineseDetail) {
        return new Problem(type, title, status, detail, instance, errors, chineseTitle, chineseDetail);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, titleZh, detailZh);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, titleZh, detailZh);
    }

    /** The problem as a caller of {@code language} reads it: every text in that language where it has one. */
    public Problem in(Language language) {
        return new Problem(type, language.pick(title, titleZh), status, language.pick(detail, detailZh), instance,
                errors.stream().map(error -> error.in(language)).toList());
    }
}
