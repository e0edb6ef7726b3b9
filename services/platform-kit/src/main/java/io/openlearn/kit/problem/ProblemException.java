package io.openlearn.kit.problem;

import java.util.List;

/** Thrown by use cases to end a request with a specific problem; mapped to problem+json unchanged. */
public class ProblemException extends RuntimeException {

    private final String type;
    private final String title;
    private final int status;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String detail) {
        this(Problems.typeFor(status), Problems.titleFor(status), status, detail, List.of());
    }

    public ProblemException(String type, String title, int status, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.title = title;
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** 400 naming the fields at fault, the shape every validation failure on the platform takes. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problems.VALIDATION_TYPE, "Invalid request", 400, "The request has invalid fields.",
                errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return Problems.of(type, title, status, getMessage(), instance, errors);
    }
}
