package io.openlearn.authoring.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openlearn.gradingpolicy.PolicyTable;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The grading-policy module's table of valid and invalid policies against the policy PUT: the same rows grades'
 * what-if and the rule set's own test run, so a policy is accepted or refused (naming the same field) everywhere.
 */
@QuarkusTest
class GradingPolicyTableTest {

    private static final String POLICY = "/api/authoring/v1/course-runs/{k}/grading-policy";

    @Test
    void everyValidPolicyIsSavedAndEveryInvalidOneRefusedNamingItsField() {
        String key = GradingPolicyResourceTest.run();
        String instructor = TestTokens.user("inst").role("course_instructor", key).sign();
        List<String> failures = new ArrayList<>();
        for (PolicyTable.Row row : PolicyTable.rows()) {
            try {
                String etag = given().auth().oauth2(instructor).get(POLICY, key).then().statusCode(200).extract()
                        .header("ETag");
                Response answer = given().auth().oauth2(instructor).contentType("application/json")
                        .header("If-Match", etag).body(row.json()).put(POLICY, key);
                String mismatch = row.mismatch(answer.statusCode(), answer.contentType(), answer.path("type"),
                        answer.path("errors.field"));
                if (mismatch != null) {
                    failures.add(row + ": " + mismatch + " " + answer.asString());
                }
            } catch (AssertionError e) {
                failures.add(row + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }
}
