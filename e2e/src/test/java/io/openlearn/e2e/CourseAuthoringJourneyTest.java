package io.openlearn.e2e;

import static io.openlearn.e2e.Journeys.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A course team's first day, through the gateway: an admin opens a run and names its instructor; the instructor
 * builds the team (stored as roles in auth), changes the grading policy and reruns the course.
 */
class CourseAuthoringJourneyTest {

    @Test
    void adminOpensRunInstructorBuildsTeamChangesPolicyAndReruns() {
        String org = "E2E" + UUID.randomUUID().toString().substring(0, 6);
        for (String user : new String[] {"instructor", "learner1", "learner2"}) {
            as(user).get("/api/auth/v1/me").then().statusCode(200);
        }
        String key = as("admin").contentType("application/json")
                .body(Map.of("org", org, "number", "CS101", "run", "2026_T1", "title", "Programming 101",
                        "pacing", "self"))
                .post("/api/authoring/v1/course-runs").then().statusCode(201).extract().path("courseKey");
        String team = "/api/authoring/v1/course-runs/" + key + "/team";

        as("admin").contentType("application/json")
                .body(Map.of("username", "instructor", "role", "course_instructor"))
                .post(team).then().statusCode(201);
        as("instructor").contentType("application/json")
                .body(Map.of("username", "learner1", "role", "course_beta_tester"))
                .post(team).then().statusCode(201);
        as("instructor").contentType("application/json")
                .body(Map.of("username", "learner2", "role", "course_instructor"))
                .post(team).then().statusCode(403);
        as("instructor").get(team).then().statusCode(200)
                .body("members.username", hasItem("instructor"))
                .body("members.username", hasItem("learner1"));
        as("learner1").get(team).then().statusCode(403);
        as("admin").get("/api/auth/v1/users/learner1").then().body("roles", hasItem("course_beta_tester:" + key));

        as("instructor").delete(team + "/course_beta_tester/learner1").then().statusCode(204);
        as("instructor").get(team).then().body("members.username", not(hasItem("learner1")));

        as("instructor").contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("assignmentTypes", java.util.List.of(Map.of("type", "Homework", "minCount", 2,
                        "dropCount", 0, "weight", 1.0)), "gradeCutoffs", Map.of("Pass", 0.6)))
                .put("/api/authoring/v1/course-runs/" + key + "/grading-policy").then().statusCode(200)
                .body("version", equalTo(2));

        as("admin").contentType("application/json").body(Map.of("run", "2027_T1"))
                .post("/api/authoring/v1/course-runs/" + key + "/reruns").then().statusCode(201)
                .body("rerunOf", equalTo(key))
                .body("contentCopy", startsWith("copied"));
    }
}
