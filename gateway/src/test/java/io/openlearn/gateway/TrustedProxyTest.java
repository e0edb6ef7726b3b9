package io.openlearn.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a trusted proxy (here the test's own loopback stands for an ingress), the client is the address the proxy
 * appended: it keys the anonymous rate-limit bucket and goes upstream, and what a caller wrote in front is ignored.
 */
@QuarkusTest
@QuarkusTestResource(EchoUpstream.class)
@TestProfile(TrustedProxyTest.BehindAnIngress.class)
class TrustedProxyTest {

    public static class BehindAnIngress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.trusted-proxies", "127.0.0.0/8,::1",
                    // a small anonymous bucket, so one client can empty it within the test
                    "gateway.rate-limit.standard.capacity", "3",
                    "gateway.rate-limit.standard.refill-per-second", "0.01");
        }
    }

    @Test
    void theUpstreamGetsTheClientTheProxySawNotTheOneTheCallerClaimed() {
        given().header("X-Forwarded-For", "6.6.6.6, 203.0.113.7").contentType("application/x-www-form-urlencoded")
                .body("grant_type=x").post("/api/auth/v1/token").then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("203.0.113.7"));
        given().header("Forwarded", "for=6.6.6.6, for=\"[2001:db8::7]:4711\";proto=https")
                .contentType("application/x-www-form-urlencoded").body("grant_type=x").post("/api/auth/v1/token")
                .then().statusCode(200).body("headers.x-forwarded-for", equalTo("2001:db8:0:0:0:0:0:7"));
    }

    @Test
    void eachClientBehindTheProxyHasItsOwnAnonymousBucket() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "198.51.100.1").get("/api/auth/v1/jwks.json").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "198.51.100.1").get("/api/auth/v1/jwks.json").then().statusCode(429);
        // a spoofed entry in front does not give the same client a fresh bucket
        given().header("X-Forwarded-For", "1.1.1.1, 198.51.100.1").get("/api/auth/v1/jwks.json").then()
                .statusCode(429);
        given().header("X-Forwarded-For", "198.51.100.2").get("/api/auth/v1/jwks.json").then().statusCode(200);
    }
}
