package io.openlearn.kit.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.openlearn.kit.json.RefusedValueException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Says what was wrong with a request body in the caller's terms (the field, what it must be) instead of the JSON
 * parser's message, which names internal types and echoes input.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** The problem for a body that did not read, or empty when the failure says nothing about the body. */
    public static ProblemException of(JsonProcessingException e) {
        Optional<ProblemException> own = ownProblem(e);
        if (own.isPresent()) {
            return own.get();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return new ProblemException(Problems.UNKNOWN_FIELD_TYPE, "Unknown field", 400,
                    "The request has a field this operation does not accept: " + field + ".",
                    List.of(new Problem.FieldError(field, "is not a field of this request")));
        }
        if (e instanceof RefusedValueException refused) {
            return ProblemException.invalid(path(refused), refused.reason());
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            String expected = expected(mismatch.getTargetType());
            if (field.isEmpty()) {
                return new ProblemException(Problems.VALIDATION_TYPE, "Invalid request", 400,
                        "The request body must be " + expected + ".", List.of());
            }
            return ProblemException.invalid(field, "must be " + expected);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ProblemException.invalid(path(mapping), "has a value that is not valid here");
        }
        if (e instanceof StreamConstraintsException) {
            return new ProblemException(Problems.MALFORMED_BODY_TYPE, "Malformed request body", 400,
                    "The request body is nested too deeply or holds a number or string longer than accepted.",
                    List.of());
        }
        Optional<String> duplicate = duplicateField(e);
        if (duplicate.isPresent()) {
            return new ProblemException(Problems.DUPLICATE_FIELD_TYPE, "Duplicate field", 400,
                    "The request body names the field " + duplicate.get() + " more than once.",
                    List.of(new Problem.FieldError(duplicate.get(), "appears more than once")));
        }
        return new ProblemException(Problems.MALFORMED_BODY_TYPE, "Malformed request body", 400,
                "The request body is not well-formed JSON" + where(e.getLocation()) + ".", List.of());
    }

    /** A sentence for a JSON document read inside a larger input (an archive entry), without the parser's text. */
    public static String sentence(JsonProcessingException e) {
        ProblemException problem = of(e);
        List<Problem.FieldError> errors = problem.toProblem(null).errors();
        if (errors == null || errors.isEmpty()) {
            return problem.getMessage();
        }
        return errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
    }

    /** A record's own validation that threw while Jackson built it (a compact constructor) keeps its problem. */
    private static Optional<ProblemException> ownProblem(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }

    /** With STRICT_DUPLICATE_DETECTION the parser stops on the repeated name, which is then its current name. */
    private static Optional<String> duplicateField(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser parser && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate field")) {
            try {
                return Optional.ofNullable(parser.currentName()).or(() -> Optional.of("(unnamed)"));
            } catch (java.io.IOException | RuntimeException ignored) {
                return Optional.of("(unnamed)");
            }
        }
        return Optional.empty();
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "an ISO-8601 date-time with an offset, such as 2026-09-01T12:00:00Z";
        }
        if (type == LocalDate.class) {
            return "an ISO-8601 date, such as 2026-09-01";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration, such as PT2H";
        }
        if (type.isEnum()) {
            return "one of the values the contract lists";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "an object";
        }
        return "of another type";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
