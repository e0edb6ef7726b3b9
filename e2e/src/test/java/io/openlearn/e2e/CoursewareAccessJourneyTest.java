package io.openlearn.e2e;

import static io.openlearn.e2e.Journeys.as;
import static io.openlearn.e2e.Journeys.poll;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may read what of a course, through the gateway with real Keycloak tokens and every service real: a course
 * with a chapter released tomorrow, a staff-only problem and an exam hidden after its due date; a second course
 * that starts in 30 days, with a beta tester. Not enrolled, enrolled early, beta tester, enrolled learner and staff
 * each get their own view of blocks, outline, grade and submissions.
 */
class CoursewareAccessJourneyTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void eachCallerReadsOnlyWhatTheyMayAndLearnersAreGradedOnWhatTheySee() throws Exception {
        Journeys.signIn("learner1", "learner2", "instructor");
        Course running = Course.create("E2A", NOW.minus(Duration.ofDays(1)), null);
        String week1 = running.block(Map.of("type", "chapter", "id", "week1", "displayName", "Week 1"));
        String hw1 = running.block(Map.of("type", "sequential", "id", "hw1", "parent", week1, "graded", true,
                "format", "Homework", "displayName", "Homework 1", "showCorrectness", "always"));
        String unit1 = running.block(Map.of("type", "vertical", "id", "u1", "parent", hw1));
        String sum = running.problem("sum", unit1, Map.of());
        String staffOnly = running.problem("secret", unit1, Map.of("visibleToStaffOnly", true));
        String exam = running.block(Map.of("type", "sequential", "id", "exam", "parent", week1, "graded", true,
                "format", "Exam", "displayName", "Exam", "hideAfterDue", true,
                "due", NOW.minus(Duration.ofHours(1)).toString()));
        String examUnit = running.block(Map.of("type", "vertical", "id", "eu", "parent", exam));
        running.problem("final", examUnit, Map.of());
        String week2 = running.block(Map.of("type", "chapter", "id", "week2", "displayName", "Week 2",
                "start", NOW.plus(Duration.ofDays(1)).toString()));
        String hw2 = running.block(Map.of("type", "sequential", "id", "hw2", "parent", week2, "graded", true,
                "format", "Homework"));
        String future = running.problem("later", running.block(Map.of("type", "vertical", "id", "u2", "parent",
                hw2)), Map.of());
        running.publish();

        // not enrolled: no blocks, no outline, no progress
        running.blocks("learner1", "").statusCode(403).contentType("application/problem+json");
        running.outline("learner1", "").statusCode(403).contentType("application/problem+json");
        as("learner1").get("/api/grades/v1/me/courses/" + running.key + "/progress").then().statusCode(403)
                .contentType("application/problem+json");

        // enrolled after the start: released parts only, staff-only and hidden parts absent
        assertEquals(201, Journeys.enroll("learner1", running.key));
        running.blocks("learner1", "").statusCode(200)
                .body("blocks.key", hasItems(week1, hw1, sum, exam))
                .body("blocks.key", not(hasItem(staffOnly))).body("blocks.key", not(hasItem(examUnit)))
                .body("blocks.key", not(hasItem(week2))).body("blocks.key", not(hasItem(future)));
        running.outline("learner1", "").statusCode(200).body("view", equalTo("learner"))
                .body("chapters.key", contains(week1)).body("chapters[0].sequences.key", contains(hw1, exam))
                .body("chapters[0].sequences[1].open", equalTo(false));
        as("learner1").get("/api/content/v1/courses/" + running.key + "/versions/1/blocks/" + staffOnly).then()
                .statusCode(404).contentType("application/problem+json");

        // submissions: the staff-only problem does not exist for learners, the future one is not released yet
        running.submit("learner1", staffOnly).statusCode(404).contentType("application/problem+json");
        running.submit("learner1", future).statusCode(403).contentType("application/problem+json");
        running.submit("learner1", sum).statusCode(201);
        // graded on what the learner sees: 1 of 1 in Homework 1, the staff-only problem's point not counted
        poll("learner1", "/api/grades/v1/me/courses/" + running.key + "/progress",
                body -> body.get("gradedAt") != null && ((Number) body.get("subsections[0].earned")).doubleValue() == 1)
                .body("subsections[0].key", equalTo(hw1)).body("subsections[0].possible", equalTo(1.0f));
        poll("learner1", "/api/grades/v1/me/courses/" + running.key + "/outline",
                body -> ((Number) body.get("chapters[0].sequences[0].score.earned")).doubleValue() == 1)
                .body("chapters[0].sequences[0].score.possible", equalTo(1.0f))
                .body("chapters[0].sequences[0].completion.attempted", equalTo(1));

        // staff: everything; previewAs=learner: the learner's view
        running.blocks("instructor", "").statusCode(200).body("blocks.key",
                hasItems(staffOnly, week2, future, examUnit));
        running.blocks("instructor", "?previewAs=learner").statusCode(200)
                .body("blocks.key", not(hasItem(staffOnly))).body("blocks.key", not(hasItem(week2)));
        running.outline("instructor", "").statusCode(200).body("view", equalTo("staff"))
                .body("chapters.key", contains(week1, week2));
        running.outline("instructor", "?previewAs=learner").statusCode(200).body("view", equalTo("learner"))
                .body("chapters.key", contains(week1));
        running.blocks("learner1", "?previewAs=learner").statusCode(403);

        // a course that starts in 30 days: an enrolled learner waits, its beta tester (40 days early) reads it
        Course upcoming = Course.create("E2B", NOW.plus(Duration.ofDays(30)), 40);
        String chapter = upcoming.block(Map.of("type", "chapter", "id", "intro", "displayName", "Intro"));
        upcoming.block(Map.of("type", "sequential", "id", "welcome", "parent", chapter));
        upcoming.publish();
        assertEquals(201, Journeys.enroll("learner2", upcoming.key));
        upcoming.blocks("learner2", "").statusCode(403).contentType("application/problem+json");
        upcoming.outline("learner2", "").statusCode(403).contentType("application/problem+json");
        as("instructor").contentType("application/json").body(Map.of("username", "learner1", "role",
                "course_beta_tester")).post("/api/authoring/v1/course-runs/" + upcoming.key + "/team").then()
                .statusCode(201);
        assertEquals(201, Journeys.enroll("learner1", upcoming.key));
        upcoming.blocks("learner1", "").statusCode(200).body("blocks.key", hasItem(chapter));
        upcoming.outline("learner1", "").statusCode(200).body("betaTester", equalTo(true))
                .body("chapters.key", contains(chapter));

        // staff cannot enroll someone auth does not know
        as("instructor").contentType("application/json").body(Map.of("mode", "audit"))
                .put("/api/enrollment/v1/courses/" + running.key + "/enrollments/" + UUID.randomUUID()).then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("userId"));
    }

    /** A course run with the instructor on its team. */
    private record Course(String key) {
        static Course create(String prefix, Instant start, Integer daysEarlyForBeta) {
            String org = prefix + UUID.randomUUID().toString().substring(0, 6);
            Map<String, Object> run = new java.util.HashMap<>(Map.of("org", org, "number", "ACC", "run", "2026",
                    "title", "Access", "start", start.toString()));
            if (daysEarlyForBeta != null) {
                run.put("daysEarlyForBeta", daysEarlyForBeta);
            }
            String key = as("admin").contentType("application/json").body(run).post("/api/authoring/v1/course-runs")
                    .then().statusCode(201).extract().path("courseKey");
            as("admin").contentType("application/json").body(Map.of("username", "instructor", "role",
                    "course_instructor")).post("/api/authoring/v1/course-runs/" + key + "/team").then()
                    .statusCode(201);
            return new Course(key);
        }

        String block(Map<String, Object> body) {
            return as("instructor").contentType("application/json").body(body)
                    .post("/api/content/v1/courses/" + key + "/draft/blocks").then().statusCode(201).extract()
                    .path("key");
        }

        String problem(String id, String parent, Map<String, Object> settings) {
            Map<String, Object> body = new java.util.HashMap<>(settings);
            body.putAll(Map.of("type", "problem", "id", id, "parent", parent, "problem",
                    Map.of("kind", "numerical", "prompt", "2 + 2", "answer", 4, "maxScore", 1)));
            return block(body);
        }

        void publish() {
            as("instructor").post("/api/content/v1/courses/" + key + "/publish").then().statusCode(201);
        }

        ValidatableResponse blocks(String user, String query) {
            return as(user).get("/api/content/v1/courses/" + key + "/versions/latest/blocks" + query).then();
        }

        ValidatableResponse outline(String user, String query) {
            return as(user).get("/api/grades/v1/me/courses/" + key + "/outline" + query).then();
        }

        ValidatableResponse submit(String user, String item) {
            return as(user).contentType("application/json").body(Map.of("answer", Map.of("value", 4)))
                    .post("/api/submission/v1/courses/" + key + "/items/" + item + "/submissions").then();
        }
    }
}
