package io.openlearn.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.gateway.config.GatewayConfig;
import io.openlearn.kit.requestid.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Exchanges an identity-provider token for a platform token at auth (RFC 8693). Called off the event loop. */
@ApplicationScoped
public class TokenExchangeClient {

    public record Exchanged(String token, long expiresInSeconds) {
    }

    private final GatewayConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public TokenExchangeClient(GatewayConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.exchange().timeout()).build();
    }

    public Exchanged exchange(String subjectToken, String requestId) {
        String form = "grant_type=" + enc("urn:ietf:params:oauth:grant-type:token-exchange")
                + "&subject_token=" + enc(subjectToken)
                + "&subject_token_type=" + enc("urn:ietf:params:oauth:token-type:access_token");
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.exchange().tokenUrl()))
                .timeout(config.exchange().timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header(RequestIds.HEADER, requestId)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EdgeRejection(503, "The token service is unavailable; try again shortly.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EdgeRejection(503, "The token service is unavailable; try again shortly.");
        }
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new EdgeRejection(401, "The bearer token is not valid.");
        }
        if (response.statusCode() != 200) {
            throw new EdgeRejection(503, "The token service answered " + response.statusCode() + ".");
        }
        try {
            JsonNode body = json.readTree(response.body());
            return new Exchanged(body.path("access_token").asText(), body.path("expires_in").asLong());
        } catch (IOException e) {
            throw new EdgeRejection(503, "The token service answered an unreadable response.");
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
