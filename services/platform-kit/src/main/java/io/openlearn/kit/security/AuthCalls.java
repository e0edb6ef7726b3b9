package io.openlearn.kit.security;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamRefused;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * What the kit asks auth with the service token: a permission check ({@link RoleChecker}, for tokens whose roles
 * overflowed) and the revocation feed ({@link HttpRevocationFeedSource}). Both reads: 5 s deadline, one immediate
 * retry, a circuit breaker; configurable as {@code io.openlearn.kit.security.AuthCalls/<method>/Timeout/value}.
 */
@ApplicationScoped
public class AuthCalls {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Permission(Boolean allowed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RevokedToken(String jti, Instant expiresAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RevokedUser(UUID userId, Instant notBefore) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Feed(Instant asOf, List<RevokedToken> tokens, List<RevokedUser> users) {
    }

    private final ServiceClients clients;
    private final String authUrl;
    private final RevocationConfig revocation;

    public AuthCalls(ServiceClients clients, @ConfigProperty(name = "openlearn.auth.url") String authUrl,
            RevocationConfig revocation) {
        this.clients = clients;
        this.authUrl = authUrl;
        this.revocation = revocation;
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Permission permission(String user, String role, String scope) {
        return clients.client(PermissionsApi.class, authUrl).check(user, role, scope);
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Feed revocations(Instant since) {
        return clients.client(RevocationFeedApi.class, revocation.url()).since(since == null ? null : since.toString());
    }
}
