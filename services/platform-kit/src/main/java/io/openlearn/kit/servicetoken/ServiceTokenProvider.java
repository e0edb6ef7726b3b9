package io.openlearn.kit.servicetoken;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.client.ServiceCallFilter;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamFailed;
import io.openlearn.kit.client.UpstreamRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives a service a platform JWT for its calls to other services: a client-credentials token from the identity
 * provider, exchanged at auth (RFC 8693), cached until shortly before it expires. Services never hold platform keys.
 * Both token endpoints are called through a typed client ({@link TokenEndpointApi}) that passes the request id on
 * but carries no service token (it is the one being fetched), bounded by {@code openlearn.service-token.timeout}.
 */
@ApplicationScoped
public class ServiceTokenProvider {

    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    private final ServiceTokenConfig config;
    private final Map<String, TokenEndpointApi> endpoints = new ConcurrentHashMap<>();
    private final Clock clock;
    private CachedToken cached;

    @Inject
    public ServiceTokenProvider(ServiceTokenConfig config, ObjectMapper json) {
        this(config, json, Clock.systemUTC());
    }

    ServiceTokenProvider(ServiceTokenConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** A platform token valid for at least {@code renew-before}; fetched anew only when needed. */
    public synchronized String token() {
        Instant now = clock.instant();
        if (cached == null || !now.plus(config.renewBefore()).isBefore(cached.expiresAt())) {
            cached = fetch(now);
        }
        return cached.value();
    }

    public String authorizationHeader() {
        return "Bearer " + token();
    }

    private CachedToken fetch(Instant now) {
        MultivaluedMap<String, String> credentials = new MultivaluedHashMap<>();
        credentials.putSingle("grant_type", "client_credentials");
        credentials.putSingle("client_id", required(config.clientId(), "client-id"));
        credentials.putSingle("client_secret", required(config.clientSecret(), "client-secret"));
        String idpToken = post(required(config.idpTokenUrl(), "idp-token-url"), credentials).accessToken();
        MultivaluedMap<String, String> exchange = new MultivaluedHashMap<>();
        exchange.putSingle("grant_type", TOKEN_EXCHANGE);
        exchange.putSingle("subject_token", String.valueOf(idpToken));
        exchange.putSingle("subject_token_type", ACCESS_TOKEN_TYPE);
        TokenEndpointApi.Tokens platform = post(config.authTokenUrl(), exchange);
        return new CachedToken(platform.accessToken(),
                now.plusSeconds(platform.expiresIn() == null ? 0 : platform.expiresIn()));
    }

    private TokenEndpointApi.Tokens post(String url, MultivaluedMap<String, String> form) {
        TokenEndpointApi endpoint = endpoints.computeIfAbsent(url, u -> ServiceClients.build(TokenEndpointApi.class,
                u, ServiceCallFilter.requestIdOnly(), config.timeout(), config.timeout()));
        try {
            TokenEndpointApi.Tokens answer = endpoint.token(form);
            if (answer == null) {
                throw new ServiceTokenException("Token endpoint " + url + " answered without a token");
            }
            return answer;
        } catch (UpstreamRefused | UpstreamFailed e) {
            throw new ServiceTokenException("Token endpoint " + url + " " + e.getMessage());
        } catch (ProcessingException e) {
            throw new ServiceTokenException("Token endpoint " + url + " unreachable: " + e.getMessage());
        }
    }

    private static String required(java.util.Optional<String> value, String key) {
        return value.orElseThrow(() -> new ServiceTokenException("openlearn.service-token." + key + " is not set"));
    }

    private record CachedToken(String value, Instant expiresAt) {
    }

    public static class ServiceTokenException extends RuntimeException {
        public ServiceTokenException(String message) {
            super(message);
        }
    }
}
