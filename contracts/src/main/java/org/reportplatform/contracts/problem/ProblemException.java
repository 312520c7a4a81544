package org.reportplatform.contracts.problem;

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
        return new ProblemException(Problem.of("not-found", "Not found", 404, what));
    }

    public static ProblemException invalid(String slug, String title, java.util.List<FieldError> errors) {
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return new ProblemException(Problem.of(slug, title, 422, detail).withErrors(errors));
    }
}
