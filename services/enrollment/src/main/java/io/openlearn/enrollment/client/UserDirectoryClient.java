package io.openlearn.enrollment.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.requestid.RequestIds;
import io.openlearn.kit.servicetoken.ServiceTokenProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Resolves usernames to platform user ids at auth, with this service's own token (bulk enrollment by username). */
@ApplicationScoped
public class UserDirectoryClient {

    private final ServiceTokenProvider tokens;
    private final ObjectMapper json;
    private final String usersUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public UserDirectoryClient(ServiceTokenProvider tokens, ObjectMapper json,
                               @ConfigProperty(name = "openlearn.auth.url") String authUrl) {
        this.tokens = tokens;
        this.json = json;
        this.usersUrl = authUrl + "/api/auth/v1/users/";
    }

    /** The user's id, or empty when auth knows no such user; throws when auth cannot be asked. */
    public Optional<UUID> idOf(String username) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(usersUrl
                        + URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20")))
                .timeout(Duration.ofSeconds(5)).header("Accept", "application/json")
                .header("Authorization", tokens.authorizationHeader()).GET();
        RequestIds.current().ifPresent(id -> request.header(RequestIds.HEADER, id));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("auth answered " + response.statusCode());
            }
            return Optional.of(UUID.fromString(json.readTree(response.body()).path("id").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("auth unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
