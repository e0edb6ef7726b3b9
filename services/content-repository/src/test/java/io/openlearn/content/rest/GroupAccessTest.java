package io.openlearn.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The course's content-group partitions and blocks' groupAccess: checked on write and on publish, frozen. */
@QuarkusTest
class GroupAccessTest {

    private static final String BLOCK = "/api/content/v1/courses/{c}/draft/blocks/{k}";
    private static final String PUBLISHED = "/api/content/v1/courses/{c}/versions/latest/blocks/{k}";
    private static final String TREE = "/api/content/v1/courses/{c}/versions/latest/blocks";

    @Inject
    Upstreams upstreams;

    static Map<String, Object> partition(int id, int... groups) {
        List<Map<String, Object>> named = Arrays.stream(groups)
                .mapToObj(g -> Map.<String, Object>of("id", g, "name", "Group " + g)).toList();
        return Map.of("id", id, "name", "Content groups " + id, "groups", named);
    }

    static ValidatableResponse update(Authoring a, String key, Map<String, Object> content) {
        return given().auth().oauth2(a.author).contentType("application/json").header("If-Match", a.etag(key))
                .body(content).put(BLOCK, a.course, key).then();
    }

    static ValidatableResponse chapter(Authoring a, String id, Map<String, Object> access) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "chapter", "id", id, "displayName", id));
        body.put("groupAccess", access);
        return a.create(body);
    }

    @Test
    void blocksMayNameOnlyTheEnrollmentTrackAndTheCoursesOwnContentGroups() {
        Authoring a = new Authoring();
        update(a, a.root, Map.of("displayName", "Course", "contentGroups", List.of(partition(50, 1))))
                .statusCode(400).body("errors[0].field", equalTo("contentGroups[0].id"));
        update(a, a.root, Map.of("displayName", "Course", "contentGroups", List.of(partition(101, 1, 1))))
                .statusCode(400).body("errors[0].field", equalTo("contentGroups[0].groups[1].id"));
        update(a, a.root, Map.of("displayName", "Course", "contentGroups", List.of(partition(101, 1, 2))))
                .statusCode(200).body("contentGroups[0].groups.id", contains(1, 2));
        update(a, a.root, Map.of("displayName", "Course", "groupAccess", Map.of("50", List.of(2))))
                .statusCode(400).body("errors[0].field", equalTo("groupAccess"));

        chapter(a, "cohortA", Map.of("101", List.of(1))).statusCode(201).body("groupAccess.101", contains(1));
        chapter(a, "verified", Map.of("50", List.of(2))).statusCode(201);
        chapter(a, "unknownGroup", Map.of("101", List.of(9))).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("groupAccess.101"));
        chapter(a, "unknownPartition", Map.of("102", List.of(1))).statusCode(400)
                .body("errors[0].field", equalTo("groupAccess.102"));
        chapter(a, "unknownTrack", Map.of("50", List.of(8))).statusCode(400)
                .body("errors[0].field", equalTo("groupAccess.50"));
        chapter(a, "noGroup", Map.of("101", List.of())).statusCode(400)
                .body("errors[0].field", equalTo("groupAccess.101"));
    }

    @Test
    void servicesAndTheTeamReadTheCoursesContentGroupsAsTheDraftDeclaresThem() {
        Authoring a = new Authoring();
        String groups = "/api/content/v1/courses/{c}/content-groups";
        given().auth().oauth2(Authoring.service()).get(groups, a.course).then().statusCode(200)
                .body("partitions", empty());
        update(a, a.root, Map.of("displayName", "Course", "contentGroups", List.of(partition(101, 1, 2))))
                .statusCode(200);
        given().auth().oauth2(Authoring.service()).get(groups, a.course).then().statusCode(200)
                .body("partitions[0].id", equalTo(101)).body("partitions[0].groups.id", contains(1, 2));
        given().auth().oauth2(a.author).get(groups, a.course).then().statusCode(200);
        given().auth().oauth2(Authoring.learner()).get(groups, a.course).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void publishingFreezesEachBlocksEffectiveGroupAccessAndAGroupChangeIsAGradingChange() {
        Authoring a = new Authoring();
        update(a, a.root, Map.of("displayName", "Course", "contentGroups", List.of(partition(101, 1, 2))))
                .statusCode(200);
        a.smallCourse();
        update(a, a.key("chapter", "ch1"), Map.of("displayName", "Week 1", "groupAccess",
                Map.of("101", List.of(1, 2)))).statusCode(200);
        update(a, a.key("vertical", "v1"), Map.of("displayName", "Unit 1", "groupAccess",
                Map.of("101", List.of(2), "50", List.of(2)))).statusCode(200);
        a.publish().statusCode(201).body("version", equalTo(1));
        given().auth().oauth2(Authoring.service()).get("/api/content/v1/courses/{c}/structure", a.course).then()
                .statusCode(200).body("chapters[0].groupAccess.101", contains(1, 2))
                .body("subsections[0].groupAccess.101", contains(1, 2))
                // the unit's {2} within the chapter's {1, 2}, and its verified-only track restriction
                .body("subsections[0].problems[0].groupAccess.101", contains(2))
                .body("subsections[0].problems[0].groupAccess.50", contains(2));
        update(a, a.key("vertical", "v1"), Map.of("displayName", "Unit 1", "groupAccess",
                Map.of("101", List.of(2)))).statusCode(200);
        a.publish().statusCode(201).body("version", equalTo(2)).body("gradingChanged", equalTo(true));
        update(a, a.key("chapter", "ch1"), Map.of("displayName", "Week one", "groupAccess",
                Map.of("101", List.of(1, 2)))).statusCode(200);
        a.publish().statusCode(201).body("version", equalTo(3)).body("gradingChanged", equalTo(false));
    }

    @Test
    void aPublishIsRefusedWholeWhenTheCourseNoLongerHasAGroupABlockNames() {
        Authoring a = new Authoring();
        update(a, a.root, Map.of("displayName", "Course", "contentGroups", List.of(partition(101, 1, 2))))
                .statusCode(200);
        String restricted = chapter(a, "groupB", Map.of("101", List.of(2))).statusCode(201).extract().path("key");
        update(a, a.root, Map.of("displayName", "Course", "contentGroups", List.of(partition(101, 1))))
                .statusCode(200);
        a.publish().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo(restricted + ".groupAccess.101"));
        given().auth().oauth2(Authoring.service()).get("/api/content/v1/courses/{c}/structure", a.course).then()
                .statusCode(404);
        update(a, a.root, Map.of("displayName", "Course", "contentGroups", List.of(partition(101, 1, 2))))
                .statusCode(200);
        a.publish().statusCode(201).body("version", equalTo(1)).body("courseKey", startsWith("course-v1:"));
    }

    @Test
    void learnersReadOnlyTheBlocksTheirGroupsAllowAndTheTeamsPreviewIgnoresGroups() {
        Authoring a = new Authoring();
        update(a, a.root, Map.of("displayName", "Course", "contentGroups", List.of(partition(101, 1, 2))))
                .statusCode(200);
        a.smallCourse();
        String forA = a.add("chapter", "forA", null, Map.of("displayName", "Cohort A only",
                "groupAccess", Map.of("101", List.of(1))));
        String verified = a.add("sequential", "verified", forA, Map.of("displayName", "Verified only",
                "groupAccess", Map.of("50", List.of(2))));
        a.publish().statusCode(201);
        upstreams.run(a.course, Instant.now().minusSeconds(86_400), 0);
        for (String name : List.of("in-a-audit", "in-a-verified", "in-b")) {
            upstreams.enroll(name, a.course);
        }
        upstreams.inGroups("in-a-audit", a.course, 50, 1, 101, 1);
        upstreams.inGroups("in-a-verified", a.course, 50, 2, 101, 1);
        upstreams.inGroups("in-b", a.course, 50, 2, 101, 2);

        given().auth().oauth2(TestTokens.user("in-b").sign()).get(PUBLISHED, a.course, forA).then().statusCode(404);
        given().auth().oauth2(TestTokens.user("in-b").sign()).get(TREE, a.course).then().statusCode(200)
                .body("blocks.key", not(hasItem(forA)));
        given().auth().oauth2(TestTokens.user("in-a-audit").sign()).get(PUBLISHED, a.course, forA).then()
                .statusCode(200);
        // the subsection needs the verified track too, within the chapter's cohort restriction
        given().auth().oauth2(TestTokens.user("in-a-audit").sign()).get(PUBLISHED, a.course, verified).then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.user("in-a-verified").sign()).get(PUBLISHED, a.course, verified).then()
                .statusCode(200);
        given().auth().oauth2(a.author).queryParam("previewAs", "learner").get(PUBLISHED, a.course, verified).then()
                .statusCode(200);
    }

    @Test
    void theTeamPreviewsTheCourseAsALearnerInChosenGroups() {
        Authoring a = new Authoring();
        update(a, a.root, Map.of("displayName", "Course", "contentGroups", List.of(partition(101, 1, 2))))
                .statusCode(200);
        a.smallCourse();
        String forA = a.add("chapter", "forA", null, Map.of("displayName", "Cohort A only",
                "groupAccess", Map.of("101", List.of(1))));
        String verified = a.add("sequential", "verified", forA, Map.of("displayName", "Verified only",
                "groupAccess", Map.of("50", List.of(2))));
        a.publish().statusCode(201);
        upstreams.run(a.course, Instant.now().minusSeconds(86_400), 0);

        given().auth().oauth2(a.author).queryParam("previewAs", "learner").queryParam("previewGroup", "101:2")
                .get(TREE, a.course).then().statusCode(200).body("blocks.key", not(hasItem(forA)));
        given().auth().oauth2(a.author).queryParam("previewAs", "learner").queryParam("previewGroup", "101:1")
                .get(PUBLISHED, a.course, verified).then().statusCode(404);
        given().auth().oauth2(a.author).queryParam("previewAs", "learner")
                .queryParam("previewGroup", "101:1", "50:2").get(PUBLISHED, a.course, verified).then()
                .statusCode(200);
        given().auth().oauth2(a.author).queryParam("previewGroup", "101:1").get(PUBLISHED, a.course, forA).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("previewGroup"));
        given().auth().oauth2(a.author).queryParam("previewAs", "learner").queryParam("previewGroup", "cohort-a")
                .get(PUBLISHED, a.course, forA).then().statusCode(400)
                .body("errors[0].field", equalTo("previewGroup"));
        given().auth().oauth2(TestTokens.user("in-a").sign()).queryParam("previewAs", "learner")
                .queryParam("previewGroup", "101:1").get(PUBLISHED, a.course, forA).then().statusCode(403);
    }
}
