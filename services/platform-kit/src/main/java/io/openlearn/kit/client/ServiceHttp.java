package io.openlearn.kit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.requestid.RequestIds;
import io.openlearn.kit.servicetoken.ServiceTokenProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls to other platform services with this service's own platform token, the request id passed on, a timeout,
 * and one retry for reads. A failing dependency becomes a 502/503 problem naming it, never a hang.
 */
@ApplicationScoped
public class ServiceHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ServiceTokenProvider tokens;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ServiceHttp(ServiceTokenProvider tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    public record Answer(int status, JsonNode body) {
    }

    public Answer get(String service, String url) {
        try {
            return send(service, request(url).GET());
        } catch (ProblemException first) {
            return send(service, request(url).GET());
        }
    }

    public Answer post(String service, String url, Object body) {
        return send(service, request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Answer delete(String service, String url) {
        return send(service, request(url).DELETE());
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        RequestIds.current().ifPresent(id -> builder.header(RequestIds.HEADER, id));
        return builder;
    }

    private Answer send(String service, HttpRequest.Builder builder) {
        try {
            builder.header("Authorization", tokens.authorizationHeader());
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                throw new ProblemException(502, "The " + service + " service failed (" + response.statusCode() + ").");
            }
            JsonNode body = response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException | ServiceTokenProvider.ServiceTokenException e) {
            throw new ProblemException(503, "The " + service + " service is unreachable; try again shortly.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Interrupted while calling the " + service + " service.");
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
