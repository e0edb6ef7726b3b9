package io.openlearn.kit.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.servicetoken.ServiceTokenProvider;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Reads auth's revocation feed with this service's own platform token. */
@DefaultBean
@ApplicationScoped
public class HttpRevocationFeedSource implements RevocationFeedSource {

    private final RevocationConfig config;
    private final ServiceTokenProvider serviceTokens;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public HttpRevocationFeedSource(RevocationConfig config, ServiceTokenProvider serviceTokens, ObjectMapper json) {
        this.config = config;
        this.serviceTokens = serviceTokens;
        this.json = json;
    }

    @Override
    public RevocationList.Feed fetch(Instant since) {
        String url = config.url() + (since == null ? "" : "?since=" + URLEncoder.encode(since.toString(),
                StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Authorization", serviceTokens.authorizationHeader())
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("revocation feed answered " + response.statusCode());
            }
            return parse(json.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("revocation feed unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static RevocationList.Feed parse(JsonNode body) {
        Map<String, Instant> tokens = new HashMap<>();
        body.path("tokens").forEach(t -> tokens.put(t.path("jti").asText(),
                Instant.parse(t.path("expiresAt").asText())));
        Map<UUID, Instant> users = new HashMap<>();
        body.path("users").forEach(u -> users.put(UUID.fromString(u.path("userId").asText()),
                Instant.parse(u.path("notBefore").asText())));
        return new RevocationList.Feed(Instant.parse(body.path("asOf").asText()), tokens, users);
    }
}
