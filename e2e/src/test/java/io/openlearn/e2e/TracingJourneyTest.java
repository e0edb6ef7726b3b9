package io.openlearn.e2e;

import static io.openlearn.e2e.Journeys.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * One trace from the caller to the persisted grade: a learner's answer sent through the gateway with a W3C
 * {@code traceparent} continues in the gateway, submission and its calls to the other services, the outbox relay's
 * publish of submission.scored, and grades-worker's handling of it on STREAM, which writes the grade. The platform
 * exports to the local trace collector (./platform test runs with OPENLEARN_TRACING=1).
 */
class TracingJourneyTest {

    private static final String TRACES = System.getProperty("e2e.traces-url", "http://127.0.0.1:4318");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One span as the collector stores it. */
    record Span(String spanId, String parentSpanId, String service, String name, String kind) {
    }

    @Test
    void aSubmissionsTraceRunsThroughGatewaySubmissionOutboxRabbitMqAndTheWorkerThatPersistsTheGrade()
            throws Exception {
        Journeys.signIn("learner1", "instructor");
        String course = as("admin").contentType("application/json").body(Map.of("org",
                "E2T" + UUID.randomUUID().toString().substring(0, 6), "number", "TRACE", "run", "2026", "title",
                "Traced")).post("/api/authoring/v1/course-runs").then().statusCode(201).extract().path("courseKey");
        as("admin").contentType("application/json").body(Map.of("username", "instructor", "role",
                "course_instructor")).post("/api/authoring/v1/course-runs/" + course + "/team").then().statusCode(201);
        String blocks = "/api/content/v1/courses/" + course + "/draft/blocks";
        String chapter = create(blocks, Map.of("type", "chapter", "id", "w1"));
        String hw = create(blocks, Map.of("type", "sequential", "id", "hw1", "parent", chapter, "graded", true,
                "format", "Homework"));
        String problem = create(blocks, Map.of("type", "problem", "id", "sum", "parent",
                create(blocks, Map.of("type", "vertical", "id", "u1", "parent", hw)), "problem",
                Map.of("kind", "numerical", "prompt", "2 + 2", "answer", 4, "maxScore", 1)));
        as("instructor").post("/api/content/v1/courses/" + course + "/publish").then().statusCode(201);
        assertEquals(201, Journeys.enroll("learner1", course));

        String traceId = hex(16);
        as("learner1").header("traceparent", "00-" + traceId + "-" + hex(8) + "-01").contentType("application/json")
                .body(Map.of("answer", Map.of("value", 4)))
                .post("/api/submission/v1/courses/" + course + "/items/" + problem + "/submissions").then()
                .statusCode(201);
        Journeys.poll("learner1", "/api/grades/v1/me/courses/" + course + "/progress",
                body -> body.get("gradedAt") != null);

        List<Span> spans = spansOnceThere(traceId, s -> s.service().equals("grades-worker")
                && s.kind().equals("CONSUMER"));
        Span consumer = only(spans, s -> s.service().equals("grades-worker") && s.kind().equals("CONSUMER"));
        assertEquals("submission.scored process", consumer.name());
        Span publish = only(spans, s -> s.kind().equals("PRODUCER") && s.name().equals("submission.scored publish"));
        assertEquals("submission", publish.service());
        Span submissionServer = only(spans, s -> s.service().equals("submission") && s.kind().equals("SERVER"));
        Span gatewayServer = only(spans, s -> s.service().equals("gateway") && s.kind().equals("SERVER"));

        assertTrue(ancestors(spans, consumer).contains(submissionServer), "the worker continues submission's trace");
        assertTrue(ancestors(spans, publish).contains(submissionServer), "the relay publishes under it");
        assertTrue(ancestors(spans, submissionServer).contains(gatewayServer), "the gateway passed the trace on");
        assertTrue(spans.stream().anyMatch(s -> s.service().equals("submission") && s.kind().equals("CLIENT")
                && ancestors(spans, s).contains(submissionServer)), "submission's calls to other services");
        assertEquals(1, spans.stream().filter(s -> ancestors(spans, s).isEmpty()).count(), "one root: " + spans);

        String tree = text(traceId);
        Files.writeString(Path.of("target", "submission-trace.txt"), tree);
        System.out.println(tree);
    }

    private static String create(String blocksPath, Map<String, Object> block) {
        return as("instructor").contentType("application/json").body(block).post(blocksPath).then().statusCode(201)
                .extract().path("key");
    }

    /** Spans arrive in batches from each process: read until the one we wait for is there, for at most 20 s. */
    private static List<Span> spansOnceThere(String traceId, Predicate<Span> awaited) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            List<Span> spans = spans(traceId);
            if (spans.stream().anyMatch(awaited)) {
                // the gateway ends its span after the answer went out: give the last batches a moment
                Thread.sleep(600);
                return spans(traceId);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("trace " + traceId + " incomplete after 20 s: " + spans);
            }
            Thread.sleep(200);
        }
    }

    private static List<Span> spans(String traceId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(TRACES + "/api/traces/"
                + traceId)).build(), HttpResponse.BodyHandlers.ofString());
        List<Span> spans = new ArrayList<>();
        if (response.statusCode() == 200) {
            for (JsonNode span : JSON.readTree(response.body())) {
                spans.add(new Span(span.path("spanId").asText(), span.path("parentSpanId").asText(),
                        span.path("service").asText(), span.path("name").asText(), span.path("kind").asText()));
            }
        }
        return spans;
    }

    private static String text(String traceId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(TRACES + "/api/traces/" + traceId + "/text")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Span only(List<Span> spans, Predicate<Span> which) {
        List<Span> found = spans.stream().filter(which).toList();
        assertEquals(1, found.size(), () -> "expected one such span in " + spans);
        return found.get(0);
    }

    private static List<Span> ancestors(List<Span> spans, Span span) {
        List<Span> ancestors = new ArrayList<>();
        for (Span at = parent(spans, span); at != null; at = parent(spans, at)) {
            ancestors.add(at);
        }
        return ancestors;
    }

    private static Span parent(List<Span> spans, Span span) {
        return spans.stream().filter(s -> s.spanId().equals(span.parentSpanId())).findFirst().orElse(null);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
