package io.openlearn.content.rest;

import static io.restassured.RestAssured.given;

import io.openlearn.testkit.TestTokens;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A fresh course run and its author, with the few calls every content test makes. */
final class Authoring {

    final String org = "Org" + UUID.randomUUID().toString().substring(0, 6);
    final String course = "course-v1:" + org + "+CS101+2026_T1";
    final String author = TestTokens.user("author-" + org).role("course_staff", course).sign();
    final String root = "block-v1:" + org + "+CS101+2026_T1+type@course+block@course";

    static String learner() {
        return TestTokens.user("learner1").sign();
    }

    static String service() {
        return TestTokens.user("submission").group("service").sign();
    }

    String key(String type, String id) {
        return "block-v1:" + org + "+CS101+2026_T1+type@" + type + "+block@" + id;
    }

    ValidatableResponse create(Map<String, Object> body) {
        return given().auth().oauth2(author).contentType("application/json").body(body)
                .post("/api/content/v1/courses/{c}/draft/blocks", course).then();
    }

    /** Creates a block and returns its key. */
    String add(String type, String id, String parent, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("type", type);
        body.put("id", id);
        if (parent != null) {
            body.put("parent", parent);
        }
        return create(body).statusCode(201).extract().path("key");
    }

    String etag(String key) {
        return given().auth().oauth2(author).get("/api/content/v1/courses/{c}/draft/blocks/{k}", course, key).then()
                .statusCode(200).extract().header("ETag");
    }

    /** chapter > graded sequential (Homework) > vertical > one choice problem worth 2 raw points, weight 5. */
    String smallCourse() {
        String chapter = add("chapter", "ch1", null, Map.of("displayName", "Week 1"));
        String sequential = add("sequential", "hw1", chapter, Map.of("displayName", "Homework 1", "graded", true,
                "format", "Homework", "due", "2026-12-01T00:00:00Z", "showCorrectness", "past_due"));
        String vertical = add("vertical", "v1", sequential, Map.of("displayName", "Unit 1"));
        add("problem", "p1", vertical, Map.of("displayName", "Q1", "problem", choiceProblem()));
        add("html", "intro", vertical, Map.of("displayName", "Intro", "html", "<p>Hello</p>"));
        return sequential;
    }

    static Map<String, Object> choiceProblem() {
        return Map.of("kind", "choice", "prompt", "2 + 2 = ?",
                "choices", List.of(Map.of("id", "a", "text", "3"), Map.of("id", "b", "text", "4")),
                "correctChoices", List.of("b"), "maxScore", 2, "weight", 5, "maxAttempts", 3);
    }

    ValidatableResponse publish() {
        return given().auth().oauth2(author).post("/api/content/v1/courses/{c}/publish", course).then();
    }
}
