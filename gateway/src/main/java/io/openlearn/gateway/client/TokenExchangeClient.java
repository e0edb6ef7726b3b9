package io.openlearn.gateway.client;

import io.openlearn.gateway.config.GatewayConfig;
import io.openlearn.gateway.security.EdgeRejection;
import io.openlearn.kit.client.ServiceCallFilter;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamFailed;
import io.openlearn.kit.client.UpstreamRefused;
import io.openlearn.kit.servicetoken.TokenEndpointApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Exchanges an identity-provider token for a platform token at auth (RFC 8693, {@code gateway.exchange.token-url}),
 * called off the event loop. Connecting and answering are each bounded by {@code gateway.exchange.timeout}; a token
 * auth refuses is the caller's 401 and never counts against auth, while auth unreachable, failing or behind an open
 * circuit ({@code io.openlearn.gateway.client.TokenExchangeClient/exchange/CircuitBreaker/...}) is a 503. Not retried:
 * every exchange mints a token, and the caller retries with its own deadline.
 */
@ApplicationScoped
public class TokenExchangeClient {

    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    public record Exchanged(String token, long expiresInSeconds) {
    }

    private final TokenEndpointApi auth;

    public TokenExchangeClient(GatewayConfig config) {
        this.auth = ServiceClients.build(TokenEndpointApi.class, config.exchange().tokenUrl(),
                ServiceCallFilter.requestIdOnly(), config.exchange().timeout(), config.exchange().timeout());
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, failOn = AuthUnavailable.class)
    @Fallback(fallbackMethod = "circuitOpen", applyOn = CircuitBreakerOpenException.class)
    public Exchanged exchange(String subjectToken, String requestId) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("grant_type", TOKEN_EXCHANGE);
        form.putSingle("subject_token", subjectToken);
        form.putSingle("subject_token_type", ACCESS_TOKEN_TYPE);
        TokenEndpointApi.Tokens answer;
        try {
            answer = auth.token(requestId, form);
        } catch (UpstreamRefused e) {
            if (e.status() == 400 || e.status() == 401) {
                throw new EdgeRejection(401, "The bearer token is not valid.");
            }
            throw new AuthUnavailable("The token service answered " + e.status() + ".");
        } catch (UpstreamFailed e) {
            throw new AuthUnavailable("The token service " + e.getMessage() + ".");
        } catch (ProcessingException e) {
            throw new AuthUnavailable("The token service is unavailable; try again shortly.");
        }
        if (answer == null || answer.accessToken() == null) {
            throw new AuthUnavailable("The token service answered an unreadable response.");
        }
        return new Exchanged(answer.accessToken(), answer.expiresIn() == null ? 0 : answer.expiresIn());
    }

    Exchanged circuitOpen(String subjectToken, String requestId) {
        throw new AuthUnavailable("The token service is unavailable; try again shortly.");
    }

    /** auth could not exchange the token: the caller's 503, and a failure for the circuit. */
    public static final class AuthUnavailable extends EdgeRejection {
        AuthUnavailable(String detail) {
            super(503, detail);
        }
    }
}
