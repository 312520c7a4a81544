package org.reportplatform.contracts.problem;

import java.util.List;

/** Thrown where a request cannot be served; {@link ProblemMappers} answers it with its problem. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return notFound(what, null);
    }

    /** 404, saying what was not found in English and in Chinese. */
    public static ProblemException notFound(String what, String whatZh) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, what).withChinese("未找到", whatZh));
    }

    public static ProblemException invalid(String slug, String title, List<FieldError> errors) {
        return invalid(slug, title, null, errors);
    }

    /** 422 listing every bad field; the detail counts them in either language. */
    public static ProblemException invalid(String slug, String title, String titleZh, List<FieldError> errors) {
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return new ProblemException(Problem.of(slug, title, 422, detail)
                .withChinese(titleZh, errors.size() + " 个字段有误")
                .withErrors(errors));
    }
}
