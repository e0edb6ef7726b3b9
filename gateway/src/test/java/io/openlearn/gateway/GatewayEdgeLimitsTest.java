package io.openlearn.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.openlearn.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Rate limits, CORS, size limits and streaming at the edge. */
@QuarkusTest
@QuarkusTestResource(EchoUpstream.class)
class GatewayEdgeLimitsTest {

    private static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    @Test
    void expensiveRoutesHaveTheirOwnSmallBucketAnd429CarriesRetryAfter() {
        String token = TestTokens.user("limited-" + UUID.randomUUID()).sign();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).post("/api/enrollment/v1/courses/x/regrade").then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"expensive\";q=2;w=200"))
                    .header("RateLimit", matchesPattern("\"expensive\";r=" + (1 - i) + ";t=\\d+"));
        }
        given().auth().oauth2(token).post("/api/enrollment/v1/courses/x/regrade").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", matchesPattern("\\d+"))
                .header("RateLimit", matchesPattern("\"expensive\";r=0;t=\\d+"));
        // ordinary calls draw from the standard bucket, untouched by the expensive one
        given().auth().oauth2(token).get("/api/enrollment/v1/courses/x").then().statusCode(200)
                .header("RateLimit-Policy", containsString("\"standard\""));
        // another user has their own buckets
        given().auth().oauth2(TestTokens.user("other-" + UUID.randomUUID()).sign())
                .post("/api/enrollment/v1/courses/x/regrade").then().statusCode(200);
    }

    @Test
    void corsPreflightAnswersConfiguredFrontendsOnly() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/enrollment/v1/courses/x").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"))
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/enrollment/v1/courses/x").then()
                .header("Access-Control-Allow-Origin", not(equalTo("https://evil.example")));
    }

    @Test
    void securityHeadersAreOnEveryAnswer() {
        given().get("/api/enrollment/v1/x").then().statusCode(401).header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY").header("Referrer-Policy", "no-referrer");
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413BeforeAnythingIsForwarded() throws Exception {
        String token = TestTokens.user("big").sign();
        try (Socket socket = new Socket("127.0.0.1", port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/enrollment/v1/upload HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 524288000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            Assertions.assertEquals("HTTP/1.1 413", head);
        }
    }

    @Test
    void aDeclaredBodyOverItsRoutesOwnLimitIs413ProblemAndNeverReachesTheService() throws Exception {
        String path = "/api/enrollment/v1/uploads/" + UUID.randomUUID();
        try (RawHttp http = RawHttp.connect()) {
            http.head("POST", path, TestTokens.user("big").sign(), "Content-Type: application/octet-stream",
                    "Content-Length: " + (EchoUpstream.SERVICE_BODY_LIMIT + 1));
            RawHttp.Response response = http.response();
            Assertions.assertEquals(413, response.status(), response.body());
            Assertions.assertTrue(response.header("Content-Type").startsWith("application/problem+json"));
            Assertions.assertTrue(response.body().contains("\"detail\":\"The request body is larger than the "
                    + EchoUpstream.SERVICE_BODY_LIMIT + " bytes the enrollment service accepts.\""), response.body());
        }
        Assertions.assertFalse(EchoUpstream.STARTED.contains(path));
    }

    @Test
    void aChunkedBodyIsCountedAndCutAtItsRoutesLimitWith413Problem() throws Exception {
        String path = "/api/enrollment/v1/uploads/" + UUID.randomUUID();
        try (RawHttp http = RawHttp.connect()) {
            http.head("POST", path, TestTokens.user("big").sign(), "Content-Type: application/octet-stream",
                    "Transfer-Encoding: chunked");
            http.chunks(EchoUpstream.SERVICE_BODY_LIMIT + 200_000);
            RawHttp.Response response = http.response();
            Assertions.assertEquals(413, response.status(), response.body());
            Assertions.assertTrue(response.header("Content-Type").startsWith("application/problem+json"));
            Assertions.assertTrue(response.body().contains("bytes the enrollment service accepts"), response.body());
        }
    }

    @Test
    void aChunkedBodyWithinItsRoutesLimitStreamsThrough() throws Exception {
        try (RawHttp http = RawHttp.connect()) {
            http.head("POST", "/api/enrollment/v1/uploads/small", TestTokens.user("small").sign(),
                    "Content-Type: application/octet-stream", "Transfer-Encoding: chunked");
            http.chunks(3 * 65_536 + 17);
            RawHttp.Response response = http.response();
            Assertions.assertEquals(200, response.status(), response.body());
            Assertions.assertTrue(response.body().contains("\"bodyLength\":" + (3 * 65_536 + 17)), response.body());
        }
    }

    @Test
    void aChunkedBodyItsCallerCutsShortNeverReachesTheServiceAsAWholeShorterOne() throws Exception {
        String path = "/api/enrollment/v1/uploads/" + UUID.randomUUID();
        try (RawHttp http = RawHttp.connect()) {
            http.head("POST", path, TestTokens.user("leaver").sign(), "Content-Type: application/octet-stream",
                    "Transfer-Encoding: chunked");
            http.out().write(("10000\r\n" + "x".repeat(65_536) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            http.out().flush();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> EchoUpstream.STARTED.contains(path));
        }
        // the caller hung up before its last chunk: the service's request is reset, not ended as if complete
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> EchoUpstream.ENDED.contains(path));
        Assertions.assertNull(EchoUpstream.RECEIVED.get(path), "the service took a truncated body as whole");
    }

    @Test
    void headersOverTheGatewaysLimitAre431Problem() {
        given().header("X-Padding", "x".repeat(20_000)).get("/api/enrollment/v1/x").then().statusCode(431)
                .contentType("application/problem+json").body("status", equalTo(431))
                .body("detail", containsString("16384"));
        // the limit is on names and values together, however they are split
        var many = given();
        for (int i = 0; i < 20; i++) {
            many = many.header("X-Padding-" + i, "x".repeat(1_000));
        }
        many.get("/api/enrollment/v1/x").then().statusCode(431).contentType("application/problem+json");
    }

    @Test
    void aUriOverTheGatewaysLimitIs414Problem() {
        given().auth().oauth2(TestTokens.user("long").sign()).get("/api/enrollment/v1/x?q=" + "a".repeat(9_000))
                .then().statusCode(414).contentType("application/problem+json").body("status", equalTo(414))
                .body("detail", containsString("8192"));
    }

    @Test
    void aUriAndHeadersJustUnderTheLimitsPass() {
        given().auth().oauth2(TestTokens.user("long").sign()).header("X-Padding", "x".repeat(12_000))
                .get("/api/enrollment/v1/x?q=" + "a".repeat(7_000)).then().statusCode(200);
    }

    @Test
    void aLargeUploadStreamsThroughWithoutFillingTheHeap() throws Exception {
        long size = 300L * 1024 * 1024;
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        InputStream body = new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent++ < size ? (int) (sent % 251) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - sent);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) (++sent % 251);
                }
                digest.update(b, off, n);
                return n;
            }
        };
        // the test JVM (client, gateway and upstream in one) runs with -Xmx256m (see the pom): 300 MB cannot fit
        Assertions.assertTrue(Runtime.getRuntime().maxMemory() < size, "the heap must be smaller than the body");
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(
                        // content's route: it takes bodies up to 2 GiB, and its 120 s timeout covers the upload
                        URI.create("http://127.0.0.1:" + port() + "/api/content/v1/upload"))
                        .header("Authorization", "Bearer " + TestTokens.user("uploader").sign())
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> body),
                                size))
                        .build(), HttpResponse.BodyHandlers.ofString());
        Assertions.assertEquals(200, response.statusCode(), response.body());
        Assertions.assertTrue(response.body().contains("\"bodyLength\":" + size), response.body());
        Assertions.assertTrue(response.body().contains(HexFormat.of().formatHex(digest.digest())), "same bytes");
    }

    @Test
    void theMergedApiDocumentHasEveryServiceAndSwaggerUiServesIt() {
        given().get("/api/docs/openapi.json").then().statusCode(200)
                .body("paths.keySet()", org.hamcrest.Matchers.hasItems("/api/auth/v1/token",
                        "/api/content/v1/courses/{courseKey}/publish",
                        "/api/submission/v1/courses/{courseKey}/items/{itemKey}/submissions",
                        "/api/enrollment/v1/courses/{courseKey}/enrollments/{userId}"))
                .body("components.schemas.ContentProblem", not(nullValue()))
                .body("components.schemas.SubmissionProblem", not(nullValue()));
        String merged = given().get("/api/docs/openapi.json").then().extract().asString();
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\"\\$ref\":\"#/components/(\\w+)/(\\w+)\"")
                .matcher(merged);
        io.restassured.path.json.JsonPath doc = io.restassured.path.json.JsonPath.from(merged);
        while (refs.find()) {
            Assertions.assertNotNull(doc.get("components." + refs.group(1) + "." + refs.group(2)),
                    "dangling " + refs.group());
        }
        given().get("/api/docs/").then().statusCode(200).contentType(containsString("text/html"));
    }
}
