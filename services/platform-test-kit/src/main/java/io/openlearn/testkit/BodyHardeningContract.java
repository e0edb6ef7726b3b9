package io.openlearn.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every service does with a body it cannot take: a problem+json 400 whose {@code type} says the kind of fault
 * and whose {@code errors} name the field, never the JSON parser's own message, never a 500 and never an ERROR log.
 * A service's test names one JSON write of its API, a body that write accepts and a string field of it.
 */
public abstract class BodyHardeningContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A JSON write of the service's API, e.g. {@code PUT /api/x/v1/things/t1}. */
    protected abstract String method();

    protected abstract String path();

    /** A body the write accepts (as far as reading it goes: the resource may still refuse it later). */
    protected abstract String validBody();

    /** A top-level string field of {@link #validBody()}. */
    protected abstract String stringField();

    /** A token allowed to call the write. */
    protected String token() {
        return TestTokens.admin("staff1").sign();
    }

    @Test
    void malformedJsonIsMalformedBodyProblemWithoutParserText() {
        Response response = send(validBody().substring(0, validBody().length() - 1));
        refused(response, "urn:openlearn:problem:malformed-body");
        String detail = response.path("detail");
        for (String parserText : List.of("Unexpected", "Source", "REDACTED", "line:", "Exception", "[")) {
            Assertions.assertFalse(detail.contains(parserText), detail);
        }
    }

    @Test
    void duplicateKeyIsDuplicateFieldProblemAndLogsNoError() throws Exception {
        ObjectNode body = body();
        String text = JSON.writeValueAsString(body);
        String repeated = "{\"" + stringField() + "\":\"first\"," + text.substring(1);
        try (ErrorLogWatch watch = new ErrorLogWatch()) {
            Response response = send(repeated);
            refused(response, "urn:openlearn:problem:duplicate-field");
            Assertions.assertEquals(stringField(), response.path("errors[0].field"));
            Assertions.assertEquals(List.of(), watch.errors());
        }
    }

    @Test
    void unknownFieldIsUnknownFieldProblemNamingIt() throws Exception {
        ObjectNode body = body();
        body.put("colour", "red");
        Response response = send(JSON.writeValueAsString(body));
        refused(response, "urn:openlearn:problem:unknown-field");
        Assertions.assertEquals("colour", response.path("errors[0].field"));
    }

    @Test
    void objectWhereAStringBelongsIsValidationProblemNamingTheField() throws Exception {
        ObjectNode body = body();
        body.putObject(stringField()).put("$gt", "");
        Response response = send(JSON.writeValueAsString(body));
        refused(response, "urn:openlearn:problem:validation");
        Assertions.assertEquals(stringField(), response.path("errors[0].field"));
    }

    @Test
    void numberWhereAStringBelongsIsRefused() throws Exception {
        ObjectNode body = body();
        body.put(stringField(), 42);
        refused(send(JSON.writeValueAsString(body)), "urn:openlearn:problem:validation");
    }

    @Test
    void arrayOrStringWhereTheObjectBelongsIsValidationProblem() {
        refused(send("[]"), "urn:openlearn:problem:validation");
        refused(send("\"text\""), "urn:openlearn:problem:validation");
    }

    @Test
    void nulInAStringIsValidationProblemAndLogsNoError() throws Exception {
        ObjectNode body = body();
        body.put(stringField(), "a\u0000b");
        try (ErrorLogWatch watch = new ErrorLogWatch()) {
            Response response = send(JSON.writeValueAsString(body));
            refused(response, "urn:openlearn:problem:validation");
            Assertions.assertEquals(stringField(), response.path("errors[0].field"));
            Assertions.assertEquals(List.of(), watch.errors());
        }
    }

    @Test
    void nulInThePathIsValidationProblem() {
        Response response = request().urlEncodingEnabled(false).get(path() + "%00");
        refused(response, "urn:openlearn:problem:validation");
    }

    @Test
    void controlCharacterInAQueryParameterIsValidationProblemNamingIt() {
        Response response = request().urlEncodingEnabled(false).get(path() + "?cursor=a%01b");
        refused(response, "urn:openlearn:problem:validation");
        Assertions.assertEquals("cursor", response.path("errors[0].field"));
    }

    /** The service's quarkus.http.limits.max-body-size. */
    protected long bodyLimitBytes() {
        return 10L * 1024 * 1024;
    }

    @Test
    void declaredBodyOverTheServiceLimitIsBodyTooLargeProblem() {
        Assumptions.assumeTrue(bodyLimitBytes() <= 64L * 1024 * 1024, "a limit this large is not worth sending");
        byte[] oversized = new byte[(int) bodyLimitBytes() + 1];
        java.util.Arrays.fill(oversized, (byte) ' ');
        Response response = request().contentType("application/json").body(oversized).request(method(), path());
        Assertions.assertEquals(413, response.statusCode(), response.asString());
        response.then().contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:openlearn:problem:body-too-large"));
    }

    private ObjectNode body() throws java.io.IOException {
        return (ObjectNode) JSON.readTree(validBody());
    }

    private RequestSpecification request() {
        return given().auth().oauth2(token());
    }

    private Response send(String body) {
        return request().contentType("application/json").body(body).request(method(), path());
    }

    private static void refused(Response response, String type) {
        Assertions.assertEquals(400, response.statusCode(), response.asString());
        Assertions.assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        Assertions.assertEquals(type, response.path("type"), response.asString());
        Assertions.assertEquals(400, (int) response.path("status"));
    }
}
