package io.openlearn.auth.rest;

import io.openlearn.auth.service.InvalidSubjectTokenException;
import io.openlearn.auth.service.IssuedToken;
import io.openlearn.auth.service.TokenExchangeService;
import io.openlearn.kit.problem.Problem;
import io.openlearn.kit.requestid.RequestIds;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The platform token endpoint (OAuth 2.0 style, form-encoded). */
@Path("/api/auth/v1/token")
public class TokenResource {

    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    static final Set<String> SUBJECT_TOKEN_TYPES = Set.of(ACCESS_TOKEN_TYPE, "urn:ietf:params:oauth:token-type:jwt");

    private final TokenExchangeService exchange;

    public TokenResource(TokenExchangeService exchange) {
        this.exchange = exchange;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grantType,
            @FormParam("subject_token") String subjectToken,
            @FormParam("subject_token_type") String subjectTokenType) {
        if (grantType == null || grantType.isBlank()) {
            throw new OAuthException("invalid_request", "grant_type is required.");
        }
        if (!TOKEN_EXCHANGE.equals(grantType)) {
            throw new OAuthException("unsupported_grant_type", "Only " + TOKEN_EXCHANGE + " is supported.");
        }
        if (subjectToken == null || subjectToken.isBlank()) {
            throw new OAuthException("invalid_request", "subject_token is required.");
        }
        if (subjectTokenType == null || !SUBJECT_TOKEN_TYPES.contains(subjectTokenType)) {
            throw new OAuthException("invalid_request", "subject_token_type must be " + ACCESS_TOKEN_TYPE + ".");
        }
        IssuedToken issued = exchange.exchange(subjectToken);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        body.put("issued_token_type", ACCESS_TOKEN_TYPE);
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.expiresInSeconds());
        if (issued.scope() != null) {
            body.put("scope", issued.scope());
        }
        // RFC 6749 section 5.1: tokens must not be cached by intermediaries
        return Response.ok(body).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    @ServerExceptionMapper
    public Response oauthError(OAuthException e, UriInfo uri) {
        return oauthProblem(e.error(), e.getMessage(), uri);
    }

    /** Quarkus' form reader fails with this on a broken percent-encoding, before the method runs. */
    @ServerExceptionMapper
    public Response unreadableForm(IllegalArgumentException e, UriInfo uri) {
        return oauthProblem("invalid_request", "The form body is not valid URL encoding.", uri);
    }

    @ServerExceptionMapper
    public Response invalidSubject(InvalidSubjectTokenException e, UriInfo uri) {
        // RFC 8693 section 2.2.2: an unacceptable subject token is an invalid_request
        return oauthProblem("invalid_request", e.getMessage(), uri);
    }

    private static Response oauthProblem(String error, String description, UriInfo uri) {
        OAuthProblem problem = new OAuthProblem("urn:openlearn:problem:oauth:" + error, "Token request refused",
                400, description, uri.getPath(), RequestIds.current().orElse(null), error, description);
        return Response.status(400).type(Problem.MEDIA_TYPE).header("Cache-Control", "no-store")
                .entity(problem).build();
    }
}
