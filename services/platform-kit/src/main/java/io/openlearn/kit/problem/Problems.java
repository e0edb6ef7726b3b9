package io.openlearn.kit.problem;

import io.openlearn.kit.requestid.RequestIds;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses so that every service answers errors the same way. */
public final class Problems {

    /** Generic problems use the status phrase as title, as RFC 9457 section 4.2.1 allows for about:blank. */
    public static final String ABOUT_BLANK = "about:blank";
    /** The type of every problem that lists invalid fields. */
    public static final String VALIDATION_TYPE = "urn:openlearn:problem:validation";

    private Problems() {
    }

    public static Problem of(int status, String detail, String instance) {
        return of(ABOUT_BLANK, titleFor(status), status, detail, instance, List.of());
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
