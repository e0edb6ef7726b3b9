package io.openlearn.authoring.rest;

import static io.openlearn.authoring.rest.CourseRunLifecycleTest.ADMIN;
import static io.openlearn.authoring.rest.CourseRunLifecycleTest.create;
import static io.openlearn.authoring.rest.CourseRunLifecycleTest.freshOrg;
import static io.openlearn.authoring.rest.CourseRunLifecycleTest.runBody;
import static io.openlearn.authoring.rest.CourseRunLifecycleTest.settings;
import static io.openlearn.authoring.rest.CourseRunLifecycleTest.update;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.openlearn.testkit.EventTap;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The beta testers' head start ({@code daysEarlyForBeta}) and the outline's visibility ({@code courseVisibility}). */
@QuarkusTest
class CourseRunAccessSettingsTest {

    /** How content-repository and grades read a run: a platform token of group {@code service}. */
    static final String SERVICE = TestTokens.user("content-repository").group("service").sign();

    static Map<String, Object> withAccess(Map<String, Object> body, Object daysEarlyForBeta, Object visibility) {
        body.put("daysEarlyForBeta", daysEarlyForBeta);
        body.put("courseVisibility", visibility);
        return body;
    }

    static String key(String org, String number) {
        return "course-v1:" + org + "+" + number + "+2026_T1";
    }

    @Test
    void createdWithBothSettingsEveryReaderSeesThemAndServicesGetTheFullView() {
        String org = freshOrg();
        String key = key(org, "BETA");
        create(ADMIN, withAccess(runBody(org, "BETA", "2026_T1"), 7, "public_outline")).statusCode(201)
                .body("daysEarlyForBeta", equalTo(7)).body("courseVisibility", equalTo("public_outline"));
        given().auth().oauth2(SERVICE).get("/api/authoring/v1/course-runs/{k}", key).then().statusCode(200)
                .header("ETag", "\"1\"").body("daysEarlyForBeta", equalTo(7))
                .body("courseVisibility", equalTo("public_outline")).body("maxEnrollments", equalTo(100))
                .body("version", equalTo(1));
        // a beta tester is not on the team: the catalog view, which still carries both settings
        given().auth().oauth2(TestTokens.user("beta1").role("course_beta_tester", key).sign())
                .get("/api/authoring/v1/course-runs/{k}", key).then().statusCode(200)
                .body("daysEarlyForBeta", equalTo(7)).body("courseVisibility", equalTo("public_outline"))
                .body("$", not(hasKey("version"))).body("$", not(hasKey("invitationOnly")));
        given().auth().oauth2(TestTokens.user("learner1").sign()).queryParam("org", org)
                .get("/api/authoring/v1/course-runs").then().statusCode(200)
                .body("items.daysEarlyForBeta", contains(7)).body("items.courseVisibility", contains("public_outline"));
    }

    @Test
    void withoutThemARunHasNoHeadStartAndAPrivateOutlineBothAlwaysInTheAnswer() {
        String org = freshOrg();
        String key = key(org, "DEF");
        create(ADMIN, runBody(org, "DEF", "2026_T1")).statusCode(201)
                .body("$", hasKey("daysEarlyForBeta")).body("daysEarlyForBeta", nullValue())
                .body("courseVisibility", equalTo("private"));
        given().auth().oauth2(SERVICE).get("/api/authoring/v1/course-runs/{k}", key).then().statusCode(200)
                .body("$", hasKey("daysEarlyForBeta")).body("daysEarlyForBeta", nullValue())
                .body("courseVisibility", equalTo("private"));
        given().auth().oauth2(TestTokens.user("learner1").sign()).get("/api/authoring/v1/course-runs/{k}", key)
                .then().statusCode(200).body("$", hasKey("daysEarlyForBeta"))
                .body("courseVisibility", equalTo("private"));
        // explicit nulls mean the defaults too
        String nulls = key(org, "NUL");
        create(ADMIN, withAccess(runBody(org, "NUL", "2026_T1"), null, null)).statusCode(201)
                .body("daysEarlyForBeta", nullValue()).body("courseVisibility", equalTo("private"));
        given().auth().oauth2(SERVICE).get("/api/authoring/v1/course-runs/{k}", nulls).then()
                .body("$", hasKey("daysEarlyForBeta")).body("courseVisibility", equalTo("private"));
        // the edges of the range are allowed
        create(ADMIN, withAccess(runBody(org, "ZERO", "2026_T1"), 0, "private")).statusCode(201)
                .body("daysEarlyForBeta", equalTo(0));
        create(ADMIN, withAccess(runBody(org, "YEAR", "2026_T1"), 365, "private")).statusCode(201)
                .body("daysEarlyForBeta", equalTo(365));
    }

    @Test
    void theTeamChangesThemAndAPutWithoutThemResetsToTheDefaults() {
        String org = freshOrg();
        String key = key(org, "UPD");
        create(ADMIN, runBody(org, "UPD", "2026_T1")).statusCode(201);
        String staff = TestTokens.user("staff1").role("course_staff", key).sign();
        update(staff, key, "\"1\"", withAccess(settings("Beta time"), 14, "public_outline")).statusCode(200)
                .header("ETag", "\"2\"").body("daysEarlyForBeta", equalTo(14))
                .body("courseVisibility", equalTo("public_outline"));
        given().auth().oauth2(SERVICE).get("/api/authoring/v1/course-runs/{k}", key).then()
                .header("ETag", "\"2\"").body("daysEarlyForBeta", equalTo(14))
                .body("courseVisibility", equalTo("public_outline"));
        // PUT replaces every setting: absent fields go back to none / private
        update(staff, key, "\"2\"", settings("No beta")).statusCode(200).header("ETag", "\"3\"")
                .body("daysEarlyForBeta", nullValue()).body("courseVisibility", equalTo("private"));
        given().auth().oauth2(SERVICE).get("/api/authoring/v1/course-runs/{k}", key).then()
                .body("$", hasKey("daysEarlyForBeta")).body("daysEarlyForBeta", nullValue())
                .body("courseVisibility", equalTo("private"));
    }

    @Test
    void invalidValuesAreBadRequestsNamingTheFieldAndChangeNothing() {
        String org = freshOrg();
        create(ADMIN, withAccess(runBody(org, "BAD1", "R"), -1, "everyone")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("daysEarlyForBeta", "courseVisibility"));
        create(ADMIN, withAccess(runBody(org, "BAD2", "R"), 366, "private")).statusCode(400)
                .body("errors.field", contains("daysEarlyForBeta"));
        create(ADMIN, withAccess(runBody(org, "BAD3", "R"), 1.5, "private")).statusCode(400)
                .body("errors.field", contains("daysEarlyForBeta"));
        create(ADMIN, withAccess(runBody(org, "BAD4", "R"), "7", "private")).statusCode(400)
                .body("errors.field", contains("daysEarlyForBeta"));
        create(ADMIN, withAccess(runBody(org, "BAD5", "R"), 3, "PUBLIC_OUTLINE")).statusCode(400)
                .body("errors.field", contains("courseVisibility"));
        given().auth().oauth2(ADMIN).get("/api/authoring/v1/course-runs/{k}", "course-v1:" + org + "+BAD1+R")
                .then().statusCode(404);

        String key = key(org, "UPD");
        create(ADMIN, withAccess(runBody(org, "UPD", "2026_T1"), 2, "public_outline")).statusCode(201);
        update(ADMIN, key, "\"1\"", withAccess(settings("Too early"), 400, "public_outline")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("daysEarlyForBeta"));
        update(ADMIN, key, "\"1\"", withAccess(settings("Hidden"), 2, "hidden")).statusCode(400)
                .body("errors.field", hasItem("courseVisibility"));
        given().auth().oauth2(ADMIN).get("/api/authoring/v1/course-runs/{k}", key).then().header("ETag", "\"1\"")
                .body("title", equalTo("Programming UPD")).body("daysEarlyForBeta", equalTo(2))
                .body("courseVisibility", equalTo("public_outline"));
    }

    @Test
    void courseRunChangedCarriesBothAndRerunsKeepThem() throws Exception {
        String org = freshOrg();
        String key = key(org, "EVT");
        try (var tap = EventTap.bind("course.run.changed")) {
            create(ADMIN, withAccess(runBody(org, "EVT", "2026_T1"), 5, "public_outline")).statusCode(201);
            update(ADMIN, key, "\"1\"", settings("Defaults again")).statusCode(200);
            List<JsonPath> events = tap.await(key, 2, Duration.ofSeconds(10)).stream().map(JsonPath::from).toList();
            Assertions.assertEquals(2, events.size(), events.toString());
            Assertions.assertEquals("created", events.get(0).getString("data.change"));
            Assertions.assertEquals(5, events.get(0).getInt("data.daysEarlyForBeta"));
            Assertions.assertEquals("public_outline", events.get(0).getString("data.courseVisibility"));
            Assertions.assertEquals("updated", events.get(1).getString("data.change"));
            Map<String, Object> updated = events.get(1).getMap("data");
            Assertions.assertTrue(updated.containsKey("daysEarlyForBeta"), updated.toString());
            Assertions.assertNull(updated.get("daysEarlyForBeta"));
            Assertions.assertEquals("private", updated.get("courseVisibility"));
        }
        update(ADMIN, key, "\"2\"", withAccess(settings("Source"), 9, "public_outline")).statusCode(200);
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("run", "2027_T1"))
                .post("/api/authoring/v1/course-runs/{k}/reruns", key).then().statusCode(201)
                .body("rerunOf", equalTo(key)).body("daysEarlyForBeta", equalTo(9))
                .body("courseVisibility", equalTo("public_outline")).body("contentCopy", startsWith("failed"));
    }
}
