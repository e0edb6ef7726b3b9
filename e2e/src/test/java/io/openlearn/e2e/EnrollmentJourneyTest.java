package io.openlearn.e2e;

import static io.openlearn.e2e.Journeys.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A run opens in course-authoring; enrollment learns its rules from the course.run.changed event; a learner enrolls
 * through the gateway; staff enroll others by username (resolved at auth) within the capacity.
 */
class EnrollmentJourneyTest {

    @Test
    void learnerEnrollsInANewRunAndStaffEnrollOthersByUsernameUpToCapacity() throws InterruptedException {
        Journeys.signIn("learner1", "learner2", "instructor");
        String org = "E2E" + UUID.randomUUID().toString().substring(0, 6);
        String key = as("admin").contentType("application/json")
                .body(Map.of("org", org, "number", "ENR1", "run", "2026", "title", "Enrollment journey",
                        "maxEnrollments", 2))
                .post("/api/authoring/v1/course-runs").then().statusCode(201).extract().path("courseKey");
        String mine = "/api/enrollment/v1/courses/" + key + "/enrollments/me";
        assertEquals(201, Journeys.enroll("learner1", key));
        as("learner1").get(mine + "/active").then().statusCode(200).body("active", equalTo(true));
        as("learner1").get("/api/enrollment/v1/me/enrollments").then().body("items.courseKey", hasItem(key));

        as("admin").contentType("application/json")
                .body(Map.of("action", "enroll", "mode", "verified", "usernames", List.of("learner2", "instructor")))
                .post("/api/enrollment/v1/courses/" + key + "/bulk-enrollments").then().statusCode(200)
                .body("results.outcome", contains("enrolled", "failed"))
                .body("results[1].status", equalTo(409));
        as("admin").get("/api/enrollment/v1/courses/" + key + "/enrollment-counts").then()
                .body("active", equalTo(2)).body("activeByMode.verified", equalTo(1));
        as("learner2").get("/api/enrollment/v1/courses/" + key + "/enrollments").then().statusCode(403);
    }

    static void assertEquals(int expected, int actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
