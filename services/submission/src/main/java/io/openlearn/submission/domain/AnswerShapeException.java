package io.openlearn.submission.domain;

import java.util.List;

/** The answer does not have the shape the problem's kind asks for (or cannot be evaluated in time). */
public class AnswerShapeException extends RuntimeException {

    private final List<String> details;

    public AnswerShapeException(List<String> details) {
        super(String.join("; ", details), null, false, false);
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
