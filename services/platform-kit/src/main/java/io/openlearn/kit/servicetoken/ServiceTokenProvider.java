package io.openlearn.kit.servicetoken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.requestid.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gives a service a platform JWT for its calls to other services: a client-credentials token from the identity
 * provider, exchanged at auth (RFC 8693), cached until shortly before it expires. Services never hold platform keys.
 */
@ApplicationScoped
public class ServiceTokenProvider {

    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    private final ServiceTokenConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Clock clock;
    private CachedToken cached;

    @Inject
    public ServiceTokenProvider(ServiceTokenConfig config, ObjectMapper json) {
        this(config, json, Clock.systemUTC());
    }

    ServiceTokenProvider(ServiceTokenConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
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
        String idpToken = post(required(config.idpTokenUrl(), "idp-token-url"), Map.of(
                "grant_type", "client_credentials",
                "client_id", required(config.clientId(), "client-id"),
                "client_secret", required(config.clientSecret(), "client-secret"))).path("access_token").asText();
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", TOKEN_EXCHANGE);
        exchange.put("subject_token", idpToken);
        exchange.put("subject_token_type", ACCESS_TOKEN_TYPE);
        JsonNode platform = post(config.authTokenUrl(), exchange);
        return new CachedToken(platform.path("access_token").asText(),
                now.plusSeconds(platform.path("expires_in").asLong()));
    }

    private JsonNode post(String url, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        RequestIds.current().ifPresent(id -> request.header(RequestIds.HEADER, id));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ServiceTokenException("Token endpoint " + url + " answered " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new ServiceTokenException("Token endpoint " + url + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceTokenException("Interrupted while calling " + url);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
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
