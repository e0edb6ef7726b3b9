package io.openlearn.auth.rest;

import static io.openlearn.testkit.PlatformTokens.forService;
import static io.openlearn.testkit.PlatformTokens.forUser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RoleAssignmentResourceTest {

    static String admin;
    static String instructor;
    static String learner1;
    static String learner2;
    /** Fresh scopes per run: the test database outlives runs. */
    static final String ORG = "Org" + UUID.randomUUID().toString().substring(0, 8);
    static final String COURSE = "course-v1:" + ORG + "+CS101+2026_T1";
    static final String OTHER_COURSE = "course-v1:Else" + ORG + "+BIO1+2026_T1";

    /** Once per class, but after Quarkus has pointed REST Assured at the test port (which happens per test). */
    @BeforeEach
    void signIn() {
        if (admin != null) {
            return;
        }
        admin = forUser("admin");
        instructor = forUser("instructor");
        learner1 = forUser("learner1");
        learner2 = forUser("learner2");
    }

    static ValidatableResponse grant(String token, String username, String role, String scope) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("username", username, "role", role, "scope", scope, "reason", "test"))
                .post("/api/auth/v1/role-assignments").then();
    }

    static int assignmentsOf(String username, String scope) {
        return given().auth().oauth2(admin).queryParam("username", username).queryParam("scope", scope)
                .get("/api/auth/v1/role-assignments").then().statusCode(200).extract().path("items.size()");
    }

    @Test
    void adminGrantsInstructorWhoManagesStaffAndBetaTestersOfOwnCourseOnly() {
        grant(admin, "instructor", "course_instructor", COURSE).statusCode(201)
                .body("username", equalTo("instructor")).body("role", equalTo("course_instructor"));
        grant(instructor, "learner1", "course_staff", COURSE).statusCode(201);
        grant(instructor, "learner2", "course_beta_tester", COURSE).statusCode(201);

        grant(instructor, "learner1", "course_staff", OTHER_COURSE).statusCode(403)
                .contentType("application/problem+json");
        grant(instructor, "learner2", "course_instructor", COURSE).statusCode(403);
        assertNoAssignment("learner1", OTHER_COURSE);

        given().auth().oauth2(forUser("learner1")).get("/api/auth/v1/me").then().statusCode(200)
                .body("roles", hasItem("course_staff:" + COURSE));
    }

    @Test
    void grantIsAnnouncedAsCloudEventThroughTheOutbox() throws Exception {
        String course = "course-v1:" + ORG + "+EVT+2026";
        com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
        factory.setHost("127.0.0.1");
        try (var connection = factory.newConnection(); var channel = connection.createChannel()) {
            channel.exchangeDeclare("openlearn.events", "topic", true);
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, "openlearn.events", "auth.role.changed");
            grant(admin, "learner1", "course_staff", course).statusCode(201);
            String body = null;
            for (int i = 0; i < 50 && body == null; i++) {
                var delivery = channel.basicGet(queue, true);
                if (delivery != null && new String(delivery.getBody()).contains(course)) {
                    body = new String(delivery.getBody());
                } else if (delivery == null) {
                    Thread.sleep(200);
                }
            }
            org.junit.jupiter.api.Assertions.assertNotNull(body, "no auth.role.changed event within 10 s");
            org.junit.jupiter.api.Assertions.assertTrue(body.contains("\"specversion\":\"1.0\""), body);
            org.junit.jupiter.api.Assertions.assertTrue(body.contains("\"type\":\"auth.role.changed\""), body);
            org.junit.jupiter.api.Assertions.assertTrue(body.contains("\"action\":\"GRANT\""), body);
        }
    }

    @Test
    void grantingWhatIsHeldIsIdempotent() {
        String course = "course-v1:" + ORG + "+IDEM+2026";
        int first = grant(admin, "learner2", "course_staff", course).statusCode(201).extract().path("id");
        grant(admin, "learner2", "course_staff", course).statusCode(200).body("id", equalTo(first));
        org.junit.jupiter.api.Assertions.assertEquals(1, assignmentsOf("learner2", course));
    }

    @Test
    void orgAdminManagesRolesWithinItsOrganizationOnly() {
        String org = "Z" + UUID.randomUUID().toString().substring(0, 8);
        grant(admin, "learner2", "org_admin", org).statusCode(201);
        grant(learner2, "learner1", "course_staff", "course-v1:" + org + "+X1+R1").statusCode(201);
        grant(learner2, "learner1", "org_staff", org).statusCode(201);
        grant(learner2, "learner1", "course_staff", "course-v1:Not" + org + "+X1+R1").statusCode(403);
        grant(learner2, "learner1", "admin", "platform").statusCode(403);
    }

    @Test
    void learnerMayNotGrantAnythingAndNothingChanges() {
        String course = "course-v1:" + ORG + "+LRN+2026";
        grant(learner1, "learner2", "course_staff", course).statusCode(403).contentType("application/problem+json");
        grant(learner1, "learner1", "admin", "platform").statusCode(403);
        assertNoAssignment("learner2", course);
    }

    @Test
    void badInputIsBadRequestNamingTheField() {
        grant(admin, "learner1", "wizard", COURSE).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("role"));
        grant(admin, "learner1", "course_staff", "course-v1:not a key").statusCode(400)
                .body("errors[0].field", equalTo("scope"));
        grant(admin, "learner1", "org_admin", "bad org!").statusCode(400).body("errors[0].field", equalTo("scope"));
        grant(admin, "learner1", "admin", "somewhere").statusCode(400).body("errors[0].field", equalTo("scope"));
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("role", "course_staff"))
                .post("/api/auth/v1/role-assignments").then().statusCode(400)
                .contentType("application/problem+json");
        grant(admin, "nobody-" + UUID.randomUUID(), "course_staff", COURSE).statusCode(404);
        given().auth().oauth2(admin).get("/api/auth/v1/role-assignments").then().statusCode(400);
    }

    @Test
    void revokeIsAuditedAndOnlyForThoseWhoMayManage() {
        String course = "course-v1:" + ORG + "+REV+2026";
        grant(admin, "instructor", "course_instructor", course).statusCode(201);
        int id = grant(instructor, "learner1", "course_beta_tester", course).statusCode(201).extract().path("id");

        given().auth().oauth2(learner1).delete("/api/auth/v1/role-assignments/" + id).then().statusCode(403);
        given().auth().oauth2(instructor).queryParam("reason", "course ended")
                .delete("/api/auth/v1/role-assignments/" + id).then().statusCode(204);
        given().auth().oauth2(instructor).delete("/api/auth/v1/role-assignments/" + id).then().statusCode(404);
        assertNoAssignment("learner1", course);

        given().auth().oauth2(admin).queryParam("target", "learner1").queryParam("scope", course)
                .get("/api/auth/v1/role-audit").then().statusCode(200)
                .body("items.action", contains("GRANT", "REVOKE"))
                .body("items[1].actor.username", equalTo("instructor"))
                .body("items[1].reason", equalTo("course ended"));
    }

    @Test
    void auditLogIsForAdminsAndPaginates() {
        given().auth().oauth2(learner1).get("/api/auth/v1/role-audit").then().statusCode(403);
        given().auth().oauth2(admin).queryParam("from", "yesterday").get("/api/auth/v1/role-audit").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        String course = "course-v1:" + ORG + "+PAGE+2026";
        grant(admin, "learner1", "course_staff", course).statusCode(201);
        grant(admin, "learner2", "course_staff", course).statusCode(201);
        String cursor = given().auth().oauth2(admin).queryParam("scope", course).queryParam("limit", 1)
                .get("/api/auth/v1/role-audit").then().statusCode(200)
                .body("items.target.username", contains("learner1")).extract().path("nextCursor");
        given().auth().oauth2(admin).queryParam("scope", course).queryParam("limit", 1).queryParam("after", cursor)
                .get("/api/auth/v1/role-audit").then().statusCode(200)
                .body("items.target.username", contains("learner2"));
    }

    @Test
    void servicesCheckARoleTheTokenCouldNotCarry() {
        String course = "course-v1:" + ORG + "+CHK+2026";
        grant(admin, "learner2", "course_staff", course).statusCode(201);
        String learner2Id = given().auth().oauth2(learner2).get("/api/auth/v1/me").then().extract().path("id");
        String service = forService("grades");
        given().auth().oauth2(service).queryParam("user", learner2Id).queryParam("role", "course_staff")
                .queryParam("scope", course).get("/api/auth/v1/permissions/check").then().statusCode(200)
                .body("allowed", equalTo(true));
        given().auth().oauth2(service).queryParam("user", learner2Id).queryParam("role", "course_instructor")
                .queryParam("scope", course).get("/api/auth/v1/permissions/check").then().statusCode(200)
                .body("allowed", equalTo(false));
        given().auth().oauth2(learner2).queryParam("user", learner2Id).queryParam("role", "course_staff")
                .queryParam("scope", course).get("/api/auth/v1/permissions/check").then().statusCode(403);
        given().auth().oauth2(service).queryParam("user", "not-a-uuid").queryParam("role", "course_staff")
                .queryParam("scope", course).get("/api/auth/v1/permissions/check").then().statusCode(400);
    }

    @Test
    void tokenPastTheRolesCapSaysSoAndCarriesNone() {
        // the test profile caps the claim at 8 roles
        String capOrg = "Cap" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 9; i++) {
            grant(admin, "instructor", "course_beta_tester", "course-v1:" + capOrg + "+C" + i + "+R")
                    .statusCode(201);
        }
        String token = forUser("instructor");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        org.junit.jupiter.api.Assertions.assertTrue(payload.contains("\"roles_overflow\":true"), payload);
        given().auth().oauth2(token).get("/api/auth/v1/me").then().statusCode(200)
                .body("roles", empty()).body("rolesOverflow", equalTo(true));
    }

    @Inject
    io.openlearn.kit.security.RoleChecker roleChecker;

    @Inject
    io.smallrye.jwt.auth.principal.JWTParser parser;

    @Test
    void aServiceAsksAuthAboutARoleOnlyWhenTheTokenOverflowed() throws Exception {
        String capOrg = "Ovf" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 9; i++) {
            grant(admin, "learner2", "course_beta_tester", "course-v1:" + capOrg + "+C" + i + "+R").statusCode(201);
        }
        var overflowing = parser.parse(forUser("learner2"));
        org.junit.jupiter.api.Assertions.assertTrue(
                roleChecker.holds(overflowing, "course_beta_tester", "course-v1:" + capOrg + "+C3+R"));
        org.junit.jupiter.api.Assertions.assertFalse(
                roleChecker.holds(overflowing, "course_staff", "course-v1:" + capOrg + "+C3+R"));
        var carried = parser.parse(forUser("learner1"));
        org.junit.jupiter.api.Assertions.assertFalse(
                roleChecker.holds(carried, "course_beta_tester", "course-v1:" + capOrg + "+C3+R"));
    }

    @Test
    void adminLooksUpUsersByUsernameOthersMayNot() {
        given().auth().oauth2(admin).get("/api/auth/v1/users/learner1").then().statusCode(200)
                .body("username", equalTo("learner1")).body("email", equalTo("learner1@example.org"));
        given().auth().oauth2(learner1).get("/api/auth/v1/users/learner2").then().statusCode(403);
        given().auth().oauth2(admin).get("/api/auth/v1/users/nobody-" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void servicesAndAdminsLookUsersUpByIdOthersMayNot() {
        String learner1Id = given().auth().oauth2(learner1).get("/api/auth/v1/me").then().extract().path("id");
        given().auth().oauth2(forService("enrollment")).get("/api/auth/v1/users/by-id/{id}", learner1Id).then()
                .statusCode(200).body("id", equalTo(learner1Id)).body("username", equalTo("learner1"));
        given().auth().oauth2(admin).get("/api/auth/v1/users/by-id/{id}", learner1Id).then().statusCode(200)
                .body("username", equalTo("learner1"));
        given().auth().oauth2(learner2).get("/api/auth/v1/users/by-id/{id}", learner1Id).then().statusCode(403);
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(forService("enrollment")).get("/api/auth/v1/users/by-id/{id}", unknown).then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No platform user has id " + unknown + "."));
        given().auth().oauth2(admin).get("/api/auth/v1/users/by-id/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void learnerListsOwnAssignmentsButNotAnothersScope() {
        given().auth().oauth2(learner1).queryParam("username", "learner1").get("/api/auth/v1/role-assignments")
                .then().statusCode(200);
        given().auth().oauth2(learner1).queryParam("scope", COURSE).get("/api/auth/v1/role-assignments")
                .then().statusCode(403);
        given().auth().oauth2(learner1).queryParam("username", "learner2").get("/api/auth/v1/role-assignments")
                .then().statusCode(403);
    }

    static void assertNoAssignment(String username, String scope) {
        given().auth().oauth2(admin).queryParam("username", username).queryParam("scope", scope)
                .get("/api/auth/v1/role-assignments").then().statusCode(200)
                .body("items.scope", not(hasItem(scope)));
    }
}
