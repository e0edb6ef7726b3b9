package io.openlearn.authoring.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CourseRunLifecycleTest {

    static final String ADMIN = TestTokens.admin("admin").sign();
    static final Instant START = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    static final Instant END = START.plus(90, ChronoUnit.DAYS);

    static String freshOrg() {
        return "Org" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> runBody(String org, String number, String run) {
        Map<String, Object> body = new HashMap<>();
        body.put("org", org);
        body.put("number", number);
        body.put("run", run);
        body.put("title", "Programming " + number);
        body.put("start", START.toString());
        body.put("end", END.toString());
        body.put("pacing", "self");
        body.put("maxEnrollments", 100);
        return body;
    }

    static ValidatableResponse create(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/authoring/v1/course-runs").then();
    }

    static String createRun(String org, String number) {
        return create(ADMIN, runBody(org, number, "2026_T1")).statusCode(201).extract().path("courseKey");
    }

    static Map<String, Object> settings(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("start", START.toString());
        body.put("end", END.toString());
        body.put("pacing", "instructor");
        body.put("invitationOnly", true);
        body.put("maxEnrollments", 10);
        return body;
    }

    static ValidatableResponse update(String token, String key, String ifMatch, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType("application/json").body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/authoring/v1/course-runs/{key}", key).then();
    }

    @Test
    void adminCreatesRunKeyedAsOpenEdxDoesAndDuplicatesConflict() {
        String org = freshOrg();
        create(ADMIN, runBody(org, "CS101", "2026_T1")).statusCode(201)
                .header("ETag", "\"1\"")
                .header("Location", containsString("/api/authoring/v1/course-runs/course-v1:"))
                .body("courseKey", equalTo("course-v1:" + org + "+CS101+2026_T1"))
                .body("pacing", equalTo("self")).body("maxEnrollments", equalTo(100));
        create(ADMIN, runBody(org, "CS101", "2026_T1")).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void creationAndChangesAreAnnouncedAsCourseRunChangedEvents() throws Exception {
        try (var tap = io.openlearn.testkit.EventTap.bind("course.run.changed")) {
            String key = createRun(freshOrg(), "EVT");
            update(ADMIN, key, "\"1\"", settings("Renamed")).statusCode(200);
            List<String> changes = tap.await(key, 2, java.time.Duration.ofSeconds(10)).stream()
                    .map(body -> body.replaceAll(".*\"change\":\"([a-z]+)\".*", "$1")).toList();
            Assertions.assertEquals(List.of("created", "updated"), changes);
        }
    }

    @Test
    void orgAdminsCreateInTheirOrgOnlyAndLearnersNowhere() {
        String org = freshOrg();
        String orgAdmin = TestTokens.user("oa").role("org_admin", org).sign();
        create(orgAdmin, runBody(org, "X1", "R")).statusCode(201);
        create(orgAdmin, runBody(freshOrg(), "X1", "R")).statusCode(403);
        create(TestTokens.user("learner1").sign(), runBody(org, "X2", "R")).statusCode(403);
    }

    @Test
    void invalidKeyPartsAndScheduleAreBadRequestsNamingTheField() {
        Map<String, Object> badKey = runBody("Org With Space", "CS+1", "");
        create(ADMIN, badKey).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("org", "number", "run"));
        Map<String, Object> badSchedule = runBody(freshOrg(), "CS1", "R");
        badSchedule.put("end", START.minusSeconds(1).toString());
        badSchedule.put("enrollmentEnd", END.plusSeconds(1).toString());
        badSchedule.put("maxEnrollments", 0);
        create(ADMIN, badSchedule).statusCode(400).body("errors.field", hasItems("end", "maxEnrollments"));
        Map<String, Object> badPacing = runBody(freshOrg(), "CS1", "R");
        badPacing.put("pacing", "whenever");
        create(ADMIN, badPacing).statusCode(400).body("errors.field", hasItem("pacing"));
    }

    @Test
    void learnersReadTheCatalogViewTheTeamReadsSettings() {
        String key = createRun(freshOrg(), "CS101");
        given().auth().oauth2(TestTokens.user("learner1").sign()).get("/api/authoring/v1/course-runs/{k}", key)
                .then().statusCode(200).body("title", equalTo("Programming CS101"))
                .body("maxEnrollments", nullValue()).body("invitationOnly", nullValue());
        given().auth().oauth2(TestTokens.user("staff1").role("course_staff", key).sign())
                .get("/api/authoring/v1/course-runs/{k}", key).then().statusCode(200)
                .header("ETag", "\"1\"").body("maxEnrollments", equalTo(100)).body("version", equalTo(1));
        given().auth().oauth2(ADMIN).get("/api/authoring/v1/course-runs/{k}", "course-v1:No+Such+Run")
                .then().statusCode(404);
    }

    @Test
    void changesNeedIfMatchAndAStaleWriteChangesNothing() {
        String key = createRun(freshOrg(), "CS101");
        String staff = TestTokens.user("staff1").role("course_staff", key).sign();
        update(staff, key, null, settings("No precondition")).statusCode(428).contentType("application/problem+json");
        update(staff, key, "\"1\"", settings("First edit")).statusCode(200).header("ETag", "\"2\"")
                .body("title", equalTo("First edit")).body("invitationOnly", equalTo(true));
        update(staff, key, "\"1\"", settings("Stale edit")).statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(staff).get("/api/authoring/v1/course-runs/{k}", key).then()
                .body("title", equalTo("First edit")).header("ETag", "\"2\"");
        Map<String, Object> broken = settings("Broken");
        broken.put("end", START.minusSeconds(5).toString());
        update(staff, key, "\"2\"", broken).statusCode(400).body("errors.field", hasItem("end"));
        update(TestTokens.user("other").role("course_staff", "course-v1:Else+X+Y").sign(), key, "\"2\"",
                settings("Not mine")).statusCode(403);
    }

    @Test
    void concurrentUpdatesOfTheSameVersionLetExactlyOneWin() {
        String key = createRun(freshOrg(), "CS101");
        List<CompletableFuture<Integer>> writers = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String title = "Writer " + i;
            writers.add(CompletableFuture.supplyAsync(() -> update(ADMIN, key, "\"1\"", settings(title))
                    .extract().statusCode()));
        }
        List<Integer> statuses = writers.stream().map(CompletableFuture::join).toList();
        Assertions.assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        Assertions.assertEquals(5, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        given().auth().oauth2(ADMIN).get("/api/authoring/v1/course-runs/{k}", key).then().header("ETag", "\"2\"");
    }

    @Test
    void catalogFiltersByOrgStateAndOpenEnrollmentAndPagesByCursor() {
        String org = freshOrg();
        Map<String, Object> running = runBody(org, "A", "R");
        running.put("start", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        create(ADMIN, running).statusCode(201);
        create(ADMIN, runBody(org, "B", "R")).statusCode(201);
        Map<String, Object> closed = runBody(org, "C", "R");
        closed.put("enrollmentStart", START.minus(30, ChronoUnit.DAYS).toString());
        closed.put("enrollmentEnd", START.minus(20, ChronoUnit.DAYS).toString());
        create(ADMIN, closed).statusCode(201);
        String learner = TestTokens.user("learner1").sign();

        given().auth().oauth2(learner).queryParam("org", org).queryParam("state", "running")
                .get("/api/authoring/v1/course-runs").then().statusCode(200)
                .body("items.number", contains("A"));
        given().auth().oauth2(learner).queryParam("org", org).queryParam("enrollmentOpen", true)
                .get("/api/authoring/v1/course-runs").then().body("items.number", contains("A", "B"));
        String cursor = given().auth().oauth2(learner).queryParam("org", org).queryParam("limit", 2)
                .get("/api/authoring/v1/course-runs").then().body("items.number", contains("A", "B"))
                .extract().path("nextCursor");
        given().auth().oauth2(learner).queryParam("org", org).queryParam("limit", 2).queryParam("after", cursor)
                .get("/api/authoring/v1/course-runs").then().body("items.number", contains("C"))
                .body("nextCursor", nullValue());
        given().auth().oauth2(learner).queryParam("state", "someday").get("/api/authoring/v1/course-runs").then()
                .statusCode(400);
    }

    @Test
    void rerunCopiesSettingsAndCurrentPolicyIntoANewRun() {
        String org = freshOrg();
        String key = createRun(org, "CS101");
        String instructor = TestTokens.user("inst").role("course_instructor", key).role("org_admin", org).sign();
        given().auth().oauth2(instructor).contentType("application/json").header("If-Match", "\"1\"")
                .body(GradingPolicyResourceTest.policy(0.6))
                .put("/api/authoring/v1/course-runs/{k}/grading-policy", key).then().statusCode(200);
        String hash = given().auth().oauth2(instructor).get("/api/authoring/v1/course-runs/{k}/grading-policy", key)
                .then().extract().path("hash");
        given().auth().oauth2(instructor).contentType("application/json").body(Map.of("run", "2027_T1"))
                .post("/api/authoring/v1/course-runs/{k}/reruns", key).then().statusCode(201)
                .body("courseKey", equalTo("course-v1:" + org + "+CS101+2027_T1"))
                .body("rerunOf", equalTo(key)).body("maxEnrollments", equalTo(100))
                .body("contentCopy", startsWith("failed"));
        given().auth().oauth2(instructor)
                .get("/api/authoring/v1/course-runs/{k}/grading-policy", "course-v1:" + org + "+CS101+2027_T1")
                .then().body("hash", equalTo(hash)).body("gradeCutoffs.Pass", equalTo(0.6f));
        given().auth().oauth2(TestTokens.user("learner1").sign()).contentType("application/json")
                .body(Map.of("run", "2028")).post("/api/authoring/v1/course-runs/{k}/reruns", key).then()
                .statusCode(403);
    }

    @Test
    void teamChangesAreRefusedBeforeAuthIsAskedWhenTheCallerMayNot() {
        String key = createRun(freshOrg(), "CS101");
        String staff = TestTokens.user("staff1").role("course_staff", key).sign();
        given().auth().oauth2(staff).contentType("application/json")
                .body(Map.of("username", "learner1", "role", "course_beta_tester"))
                .post("/api/authoring/v1/course-runs/{k}/team", key).then().statusCode(403);
        given().auth().oauth2(TestTokens.user("inst").role("course_instructor", key).sign())
                .contentType("application/json").body(Map.of("username", "learner1", "role", "course_instructor"))
                .post("/api/authoring/v1/course-runs/{k}/team", key).then().statusCode(403);
        given().auth().oauth2(TestTokens.user("learner1").sign()).get("/api/authoring/v1/course-runs/{k}/team", key)
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("username", "learner1", "role", "wizard"))
                .post("/api/authoring/v1/course-runs/{k}/team", key).then().statusCode(400);
    }
}
