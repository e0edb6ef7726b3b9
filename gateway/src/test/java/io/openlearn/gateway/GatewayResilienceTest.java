package io.openlearn.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.openlearn.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Timeouts per route, retries only where safe, and each upstream's circuit breaker. */
@QuarkusTest
@QuarkusTestResource(EchoUpstream.class)
class GatewayResilienceTest {

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
    void everyRequestIsCountedPerRouteInPrometheus() {
        given().auth().oauth2(token()).get("/api/enrollment/v1/metered").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_requests_seconds_count{method=\"GET\",route=\"enrollment\""))
                .body(containsString("gateway_upstream_latency_seconds_count{upstream=\"enrollment\"}"));
    }

    @Test
    void readinessReportsEachUpstreamWithoutFailingOnTheDeadOne() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.data.grades", startsWith("unreachable"))
                .body("checks.find { it.name == 'upstreams' }.data.enrollment", startsWith("ready"));
    }
}
