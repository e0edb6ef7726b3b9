package io.openlearn.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.openlearn.gateway.resilience.Breakers;
import io.openlearn.gateway.resilience.CircuitBreaker;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Timeouts per route, retries only where safe, and each upstream's circuit breaker. */
@QuarkusTest
@QuarkusTestResource(EchoUpstream.class)
class GatewayResilienceTest {

    /** More than the breaker's failure threshold in tests (3). */
    private static final int MORE_THAN_THE_THRESHOLD = 5;

    @Inject
    Breakers breakers;

    private static int managementPort() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    private static String token() {
        return TestTokens.user("resilience-" + UUID.randomUUID()).sign();
    }

    @Test
    void aRouteWithALongerTimeoutWaitsWhereOthersGiveUp() {
        given().auth().oauth2(token()).get("/api/auth/v1/slow").then().statusCode(200);
        given().auth().oauth2(token()).get("/api/enrollment/v1/slow").then().statusCode(504)
                .contentType("application/problem+json");
    }

    @Test
    void idempotentRequestsAreRetriedOnceWhenTheUpstreamIsUnavailable() {
        given().auth().oauth2(token()).get("/api/enrollment/v1/flaky/" + UUID.randomUUID()).then().statusCode(200)
                .body("method", equalTo("GET"));
        given().auth().oauth2(token()).delete("/api/enrollment/v1/flaky/" + UUID.randomUUID()).then()
                .statusCode(200);
    }

    @Test
    void requestsThatAreNotIdempotentAreNeverRetried() {
        String path = "/api/enrollment/v1/flaky/" + UUID.randomUUID();
        given().auth().oauth2(token()).contentType("application/json").body("{\"a\":1}").post(path).then()
                .statusCode(503);
        // the upstream saw it once (the unavailable attempt): the next call is its first answered one
        given().auth().oauth2(token()).contentType("application/json").body("{\"a\":1}").post(path).then()
                .statusCode(200);
    }

    @Test
    void consecutiveFailuresOpenTheCircuitWhichClosesAfterASuccessfulTrial() throws InterruptedException {
        EchoUpstream.submissionFailing = true;
        try {
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(token()).get("/api/submission/v1/ping").then().statusCode(503)
                        .header("Retry-After", org.hamcrest.Matchers.nullValue());
            }
            given().auth().oauth2(token()).get("/api/submission/v1/ping").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("detail", containsString("stops calling"));
            EchoUpstream.submissionFailing = false;
            given().auth().oauth2(token()).get("/api/submission/v1/ping").then().statusCode(503)
                    .header("Retry-After", notNullValue());
            Thread.sleep(2_100);
            given().auth().oauth2(token()).get("/api/submission/v1/ping").then().statusCode(200);
            given().auth().oauth2(token()).get("/api/submission/v1/ping").then().statusCode(200);
        } finally {
            EchoUpstream.submissionFailing = false;
        }
    }

    @Test
    void bodiesOverTheRoutesLimitNeverOpenTheBreaker() throws IOException {
        for (int i = 0; i < MORE_THAN_THE_THRESHOLD; i++) {
            for (String framing : new String[] {"Content-Length: " + (EchoUpstream.SERVICE_BODY_LIMIT + 1),
                    "Transfer-Encoding: chunked"}) {
                try (RawHttp http = RawHttp.connect()) {
                    http.head("POST", "/api/grades/v1/courses/c/imports", token(), framing,
                            "Content-Type: application/octet-stream");
                    if (framing.startsWith("Content-Length")) {
                        http.bytes(EchoUpstream.SERVICE_BODY_LIMIT + 1);
                    } else {
                        http.chunks(EchoUpstream.SERVICE_BODY_LIMIT + 100_000);
                    }
                    RawHttp.Response refused = http.response();
                    Assertions.assertEquals(413, refused.status(), framing + ": " + refused.body());
                    Assertions.assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
                    Assertions.assertTrue(refused.body().contains("larger than the "
                            + EchoUpstream.SERVICE_BODY_LIMIT + " bytes the grades service accepts"), refused.body());
                }
            }
        }
        Assertions.assertEquals(CircuitBreaker.State.CLOSED, breakers.of("grades").state());
        given().auth().oauth2(token()).contentType("application/octet-stream").body(new byte[1024])
                .post("/api/grades/v1/courses/c/imports").then().statusCode(200).body("bodyLength", equalTo(1024));
    }

    @Test
    void anUpstreams413IsRelayedAndNeverCountsAsAFailure() {
        for (int i = 0; i < MORE_THAN_THE_THRESHOLD; i++) {
            given().auth().oauth2(token()).contentType("application/json").body("{}")
                    .post("/api/grades/v1/too-large-for-me/x").then().statusCode(413)
                    .contentType("application/problem+json");
        }
        Assertions.assertEquals(CircuitBreaker.State.CLOSED, breakers.of("grades").state());
        given().auth().oauth2(token()).get("/api/grades/v1/me/course-grades").then().statusCode(200);
    }

    @Test
    void callersWhoHangUpMidBodyNeverOpenTheBreaker() throws IOException {
        java.util.List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < MORE_THAN_THE_THRESHOLD; i++) {
            String path = "/api/grades/v1/hang-up/" + UUID.randomUUID();
            paths.add(path);
            try (RawHttp http = RawHttp.connect()) {
                http.head("POST", path, token(), "Content-Length: 1000000", "Content-Type: application/octet-stream");
                http.out().write(new byte[65_536]);
                http.out().flush();
                // the upstream has the request and waits for the rest of its body when the caller goes away
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> EchoUpstream.STARTED.contains(path));
            }
        }
        // each upstream call has ended (cut short by the gateway), and the breaker learnt nothing from them
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> EchoUpstream.ENDED.containsAll(paths));
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                .until(() -> breakers.of("grades").state() == CircuitBreaker.State.CLOSED);
        given().auth().oauth2(token()).get("/api/grades/v1/me/course-grades").then().statusCode(200);
    }

    @Test
    void everyRequestIsCountedPerRouteInPrometheus() {
        given().auth().oauth2(token()).get("/api/enrollment/v1/metered").then().statusCode(200);
        given().port(managementPort()).get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_requests_seconds_count{method=\"GET\",route=\"enrollment\""))
                .body(containsString("gateway_upstream_latency_seconds_count{upstream=\"enrollment\"}"));
    }

    @Test
    void readinessReportsEachUpstreamWithoutFailingOnTheDeadOne() {
        given().port(managementPort()).get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.data.authoring", startsWith("unreachable"))
                .body("checks.find { it.name == 'upstreams' }.data.enrollment", startsWith("ready"));
    }
}
