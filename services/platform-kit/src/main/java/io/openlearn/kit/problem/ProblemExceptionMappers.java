package io.openlearn.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into problem+json. Bodies never carry stack traces or exception
 * class names: a detail an attacker can read must be one we wrote on purpose.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);
    static final String BEARER_CHALLENGE = "Bearer realm=\"openlearn\"";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Problems.response(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(403, "You are not allowed to perform this operation.", path(uri));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException unreadable && status == 400) {
            return malformedJson(unreadable, uri);
        }
        if (unconvertibleParameter(e)) {
            // JAX-RS answers a path or query parameter that does not convert (limit=ten) with 404 as if the
            // resource did not exist; the caller sent something unreadable, which is a 400
            return Problems.response(new ProblemException(Problems.VALIDATION_TYPE, "Invalid request", 400,
                    "A path or query parameter has a value of the wrong type for this operation.", List.of())
                    .toProblem(path(uri)));
        }
        if (status >= 500) {
            LOG.errorf(e, "Request to %s failed", path(uri));
            return Problems.response(status, "The server could not complete the request.", path(uri));
        }
        Response.ResponseBuilder builder = Response.fromResponse(
                Problems.response(status, clientDetail(status, path(uri)), path(uri)));
        // keep protocol headers such as Allow (405) that the framework set on the original response
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemExceptionMappers::fieldError)
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problems.response(ProblemException.invalid(errors).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response validatorViolation(
            io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException e, UriInfo uri) {
        if (isReturnValueViolation(e)) {
            LOG.errorf(e, "Response of %s violates its own constraints", path(uri));
            return Problems.response(500, "The server could not complete the request.", path(uri));
        }
        return constraintViolation(e, uri);
    }

    /** Also takes precedence over Quarkus' built-in mapper, which answers a mismatched body with an empty 400. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return Problems.response(JsonProblems.of(e).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure of %s", path(uri));
        return Problems.response(500, "The server could not complete the request.", path(uri));
    }

    /**
     * The framework's own messages either say nothing the status does not ("HTTP 404 Not Found") or describe its
     * internals (a parameter converter's failure): say what happened instead.
     */
    static String clientDetail(int status, String path) {
        return switch (status) {
            case 400 -> "The request has a parameter or header this operation cannot read.";
            case 404 -> "Nothing is published at " + path + ".";
            case 405 -> "This method is not allowed on " + path + ".";
            case 406 -> "None of the accepted media types can be produced for " + path + ".";
            case 415 -> "The request's content type is not supported by " + path + ".";
            default -> Problems.titleFor(status) + ".";
        };
    }

    /** The framework's wrapping of a parameter converter's failure: a 404 or 400 caused by a plain exception. */
    static boolean unconvertibleParameter(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        return (status == 404 || status == 400) && cause != null && !(cause instanceof WebApplicationException)
                && !(cause instanceof JsonProcessingException);
    }

    private static boolean isReturnValueViolation(ConstraintViolationException e) {
        return e.getConstraintViolations().stream().anyMatch(v -> {
            for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == jakarta.validation.ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(
                Problems.response(401, "A valid bearer token is required.", path(uri)))
                .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE)
                .build();
    }

    private static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // drop the method and parameter prefix ("create.arg0.") so the field reads as the client sent it
        String[] parts = path.split("\\.", 3);
        String field = parts.length == 3 ? parts[2] : parts[parts.length - 1];
        return new Problem.FieldError(field, violation.getMessage());
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
