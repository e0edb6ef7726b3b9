package io.openlearn.kit.problem;

import io.openlearn.kit.requestid.RequestIds;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses so that every service answers errors the same way. */
public final class Problems {

    private static final String PREFIX = "urn:openlearn:problem:";
    /** The type of every problem that lists invalid fields. */
    public static final String VALIDATION_TYPE = PREFIX + "validation";
    /** A body that is not JSON, or not well-formed. */
    public static final String MALFORMED_BODY_TYPE = PREFIX + "malformed-body";
    /** A JSON object naming a field twice. */
    public static final String DUPLICATE_FIELD_TYPE = PREFIX + "duplicate-field";
    /** A field the operation's schema does not have. */
    public static final String UNKNOWN_FIELD_TYPE = PREFIX + "unknown-field";

    private Problems() {
    }

    public static Problem of(int status, String detail, String instance) {
        return of(typeFor(status), titleFor(status), status, detail, instance, List.of());
    }

    /**
     * The type of a problem that is just its status: one stable URI per status, so a client can switch on
     * {@code type} alone whatever answered (a service or the gateway).
     */
    public static String typeFor(int status) {
        return PREFIX + switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 410 -> "gone";
            case 412 -> "precondition-failed";
            case 413 -> "body-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 428 -> "precondition-required";
            case 429 -> "rate-limited";
            case 431 -> "headers-too-large";
            case 502 -> "upstream-failed";
            case 503 -> "unavailable";
            case 504 -> "upstream-timeout";
            default -> status >= 500 ? "server-error" : "client-error";
        };
    }

    public static Problem of(String type, String title, int status, String detail, String instance,
            List<Problem.FieldError> errors) {
        return new Problem(type, title, status, detail, instance, RequestIds.current().orElse(null), errors);
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(int status, String detail, String instance) {
        return response(of(status, detail, instance));
    }

    public static String titleFor(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }
}
