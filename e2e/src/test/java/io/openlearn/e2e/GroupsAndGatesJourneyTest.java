package io.openlearn.e2e;

import static io.openlearn.e2e.Journeys.as;
import static io.openlearn.e2e.Journeys.poll;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Cohorts, content groups, enrollment tracks and gates through the gateway, every service real: a course with an
 * entrance exam, a subsection for cohort A and one for cohort B, a verified-only problem and a subsection gated on
 * 70 % in another. learner1 is in cohort A on the audit track, learner2 in cohort B on the verified track; each sees
 * and is graded on exactly their blocks, gates open as scores reach them, and a cohort move or a track change
 * re-grades the learner within a second.
 * <p>
 * Homework (weight 1, min count 3) over the graded subsections a learner sees: hw1 (h1, and vq for verified
 * learners only), hwA (a1, cohort A) or hwB (b1, cohort B), and hw2 (h2, opens at 70 % in hw1). One point each.
 */
class GroupsAndGatesJourneyTest {

    @Test
    void eachLearnerSeesAndIsGradedOnTheirGroupsBlocksAndGatesOpenAsScoresReachThem() throws Exception {
        Journeys.signIn("learner1", "learner2", "instructor");
        Course c = Course.create();
        String learner1 = userId("learner1");
        String learner2 = userId("learner2");
        assertEquals(201, Journeys.enroll("learner1", c.key));
        assertEquals(201, Journeys.enroll("learner2", c.key));
        as("instructor").contentType("application/json").body(Map.of("scheme", "manual"))
                .put(c.enrollment("/cohort-settings")).then().statusCode(200);
        String cohortA = c.cohort("A", 1);
        String cohortB = c.cohort("B", 2);
        c.place(cohortA, learner1);
        c.place(cohortB, learner2);
        as("instructor").contentType("application/json").body(Map.of("mode", "verified"))
                .put(c.enrollment("/enrollments/" + learner2)).then().statusCode(200);

        // blocks and outline: each learner's cohort's subsection only, the verified-only problem for learner2 only
        pollBlocks("learner1", c, keys -> keys.contains(c.hwA) && !keys.contains(c.hwB))
                .body("blocks.key", not(hasItem(c.vq)));
        pollBlocks("learner2", c, keys -> keys.contains(c.hwB) && !keys.contains(c.hwA))
                // the entrance exam still locks the week's content
                .body("blocks.key", not(hasItem(c.vq)));
        as("learner1").get(c.block(c.vq)).then().statusCode(404).contentType("application/problem+json");
        as("learner2").get(c.block(c.hwA)).then().statusCode(404);

        // the entrance exam locks the week until passed: listed closed with what opens it, answers refused
        JsonPath outline = poll("learner1", c.outline(), body -> c.sequence(body, c.hwA) != null).extract()
                .jsonPath();
        assertEquals(List.of(c.hw1, c.hwA, c.hw2), c.weekSequences(outline));
        assertEquals("entrance-exam", c.lock(outline, c.hw1).get("kind"));
        c.submit("learner1", c.h1, 4).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("entrance exam"));
        c.submit("learner1", c.entry, 4).statusCode(201);
        outline = poll("learner1", c.outline(), body -> Boolean.TRUE.equals(c.sequence(body, c.hw1).get("open")))
                .extract().jsonPath();
        assertEquals("prerequisite", c.lock(outline, c.hw2).get("kind"));
        assertEquals(c.hw1, c.lock(outline, c.hw2).get("requires"));
        assertEquals(70.0f, ((Number) c.lock(outline, c.hw2).get("minScore")).floatValue());
        c.submit("learner1", c.h2, 4).statusCode(403).body("detail", containsString("70 %"));

        // reaching 70 % in hw1 (1 of 1) opens hw2
        c.submit("learner1", c.h1, 4).statusCode(201);
        poll("learner1", c.outline(), body -> Boolean.TRUE.equals(c.sequence(body, c.hw2).get("open")))
                .body("chapters[1].sequences.locked", contains(nullValue(), nullValue(), nullValue()));
        c.submit("learner1", c.h2, 4).statusCode(201);
        c.submit("learner1", c.a1, 4).statusCode(201);
        // hw1 1/1, hwA 1/1, hw2 1/1: (1 + 1 + 1) / 3 = 1.0
        awaitCourseGrade("learner1", c.key, 1.0);

        // learner2: hw1 is 1 of 2 (vq wrong) = 50 % < 70 %, so hw2 stays locked
        c.submit("learner2", c.entry, 4).statusCode(201);
        poll("learner2", c.outline(), body -> Boolean.TRUE.equals(c.sequence(body, c.hw1).get("open")));
        // past the exam, the verified-only problem is learner2's to read, never learner1's
        pollBlocks("learner2", c, keys -> keys.contains(c.vq));
        as("learner1").get("/api/content/v1/courses/" + c.key + "/versions/latest/blocks").then().statusCode(200)
                .body("blocks.key", hasItem(c.h1)).body("blocks.key", not(hasItem(c.vq)));
        c.submit("learner2", c.h1, 4).statusCode(201);
        c.submit("learner2", c.vq, 5).statusCode(201);
        c.submit("learner2", c.b1, 4).statusCode(201);
        // hw1 1/2, hwB 1/1, hw2 0 (locked): (0.5 + 1 + 0) / 3 = 0.5
        awaitCourseGrade("learner2", c.key, 0.5);
        c.submit("learner2", c.h2, 4).statusCode(403).contentType("application/problem+json");
        // content of a locked subsection: listed, its blocks refused until the gate opens
        as("learner2").get(c.block(c.h2)).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("70 %"));
        as("learner1").get(c.block(c.h2)).then().statusCode(200);
        as("learner2").get("/api/grades/v1/me/courses/" + c.key + "/progress").then().statusCode(200)
                .body("subsections.key", hasItems(c.hw1, c.hwB, c.hw2)).body("subsections.key", not(hasItem(c.hwA)));

        // staff: the gradebook of one cohort or one track; the preview as a learner in cohort B
        as("instructor").queryParam("cohort", cohortB).get("/api/grades/v1/courses/" + c.key + "/gradebook").then()
                .statusCode(200).body("items.userId", contains(learner2));
        as("instructor").queryParam("track", "audit").get("/api/grades/v1/courses/" + c.key + "/gradebook").then()
                .statusCode(200).body("items.userId", contains(learner1));
        as("instructor").queryParam("previewAs", "learner").queryParam("previewGroup", "101:2")
                .get("/api/content/v1/courses/" + c.key + "/versions/latest/blocks").then().statusCode(200)
                .body("blocks.key", hasItem(c.hwB)).body("blocks.key", not(hasItem(c.hwA)));

        // a cohort move: learner1 now sees hwB (unanswered) instead of hwA: (1 + 0 + 1) / 3 = 0.67
        long moved = System.nanoTime();
        c.place(cohortB, learner1);
        long regraded = awaitCourseGrade("learner1", c.key, 0.67) - moved;
        assertTrue(regraded < Duration.ofSeconds(1).toNanos(), "cohort move re-graded in " + regraded / 1_000_000
                + " ms");
        assertEquals("cohort", latestCause(learner1, c.key));

        // a track change: verified, learner1 now has vq (unanswered) in hw1: (0.5 + 0 + 1) / 3 = 0.5, and hw1 at
        // 50 % no longer fulfils hw2's prerequisite
        long upgraded = System.nanoTime();
        as("instructor").contentType("application/json").body(Map.of("mode", "verified"))
                .put(c.enrollment("/enrollments/" + learner1)).then().statusCode(200);
        regraded = awaitCourseGrade("learner1", c.key, 0.5) - upgraded;
        assertTrue(regraded < Duration.ofSeconds(1).toNanos(), "track change re-graded in " + regraded / 1_000_000
                + " ms");
        assertEquals("track", latestCause(learner1, c.key));
        poll("learner1", c.outline(), body -> c.lock(body, c.hw2) != null);
    }

    private static String userId(String user) {
        return as(user).get("/api/auth/v1/me").then().statusCode(200).extract().path("id");
    }

    /** Polls the learner's course grades until this course's percent is {@code percent}; when it was seen. */
    private static long awaitCourseGrade(String user, String courseKey, double percent) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            ValidatableResponse response = as(user).get("/api/grades/v1/me/course-grades").then().statusCode(200);
            List<Map<String, Object>> items = response.extract().path("items");
            for (Map<String, Object> item : items) {
                if (courseKey.equals(item.get("courseKey"))
                        && Math.abs(((Number) item.get("percent")).doubleValue() - percent) < 1e-6) {
                    return System.nanoTime();
                }
            }
            last = response.extract().asString();
            Thread.sleep(20);
        }
        throw new AssertionError("course grade of " + user + " never became " + percent + ": " + last);
    }

    private static String latestCause(String userId, String courseKey) {
        return as("instructor").queryParam("limit", 1).get("/api/grades/v1/courses/" + courseKey + "/learners/"
                + userId + "/history").then().statusCode(200).extract().path("items[0].cause");
    }

    private static ValidatableResponse pollBlocks(String user, Course c, Predicate<List<String>> ready)
            throws InterruptedException {
        return poll(user, "/api/content/v1/courses/" + c.key + "/versions/latest/blocks",
                body -> ready.test(body.getList("blocks.key", String.class)));
    }

    /** The course and its blocks' keys. */
    private record Course(String key, String exam, String entry, String week, String hw1, String h1, String vq,
            String hwA, String a1, String hwB, String b1, String hw2, String h2) {

        static Course create() {
            String org = "E2G" + UUID.randomUUID().toString().substring(0, 6);
            String key = as("admin").contentType("application/json").body(Map.of("org", org, "number", "GRP", "run",
                    "2026", "title", "Groups and gates", "start", Instant.now().minus(Duration.ofDays(1)).toString()))
                    .post("/api/authoring/v1/course-runs").then().statusCode(201).extract().path("courseKey");
            as("admin").contentType("application/json").body(Map.of("username", "instructor", "role",
                    "course_instructor")).post("/api/authoring/v1/course-runs/" + key + "/team").then()
                    .statusCode(201);
            String policy = "/api/authoring/v1/course-runs/" + key + "/grading-policy";
            String policyTag = as("instructor").get(policy).then().statusCode(200).extract().header("ETag");
            as("instructor").contentType("application/json").header("If-Match", policyTag)
                    .body(Map.of("assignmentTypes", List.of(Map.of("type",
                            "Homework", "minCount", 3, "dropCount", 0, "weight", 1.0)), "gradeCutoffs",
                            Map.of("Pass", 0.5)))
                    .put(policy).then().statusCode(200);
            String prefix = "block-v1:" + key.substring("course-v1:".length()) + "+type@";
            String root = prefix + "course+block@course";
            // blocks may restrict themselves only to groups the course block declares: those come first
            courseBlock(key, root, null);
            String exam = add(key, Map.of("type", "chapter", "id", "exam", "displayName", "Entrance exam"));
            String test = add(key, Map.of("type", "sequential", "id", "test", "parent", exam, "displayName", "Test"));
            String entry = problem(key, "entry", unit(key, "tu", test), Map.of());
            String week = add(key, Map.of("type", "chapter", "id", "week", "displayName", "Week 1"));
            String hw1 = homework(key, "hw1", week, Map.of());
            String u1 = unit(key, "u1", hw1);
            String h1 = problem(key, "h1", u1, Map.of());
            String vq = problem(key, "vq", u1, Map.of("groupAccess", Map.of("50", List.of(2))));
            String hwA = homework(key, "hwA", week, Map.of("groupAccess", Map.of("101", List.of(1))));
            String a1 = problem(key, "a1", unit(key, "ua", hwA), Map.of());
            String hwB = homework(key, "hwB", week, Map.of("groupAccess", Map.of("101", List.of(2))));
            String b1 = problem(key, "b1", unit(key, "ub", hwB), Map.of());
            String hw2 = homework(key, "hw2", week, Map.of("prerequisite", Map.of("subsection", hw1,
                    "minScore", 70)));
            String h2 = problem(key, "h2", unit(key, "u2", hw2), Map.of());
            courseBlock(key, root, Map.of("chapter", exam, "minScore", 50));
            as("instructor").post("/api/content/v1/courses/" + key + "/publish").then().statusCode(201);
            return new Course(key, exam, entry, week, hw1, h1, vq, hwA, a1, hwB, b1, hw2, h2);
        }

        /** The course block's content groups (A 101:1, B 101:2) and, once its chapter exists, the entrance exam. */
        private static void courseBlock(String key, String root, Map<String, Object> entranceExam) {
            String etag = as("instructor").get("/api/content/v1/courses/" + key + "/draft/blocks/" + root).then()
                    .statusCode(200).extract().header("ETag");
            Map<String, Object> content = new HashMap<>(Map.of("displayName", "Groups and gates", "contentGroups",
                    List.of(Map.of("id", 101, "name", "Cohort content", "groups", List.of(Map.of("id", 1, "name",
                            "A"), Map.of("id", 2, "name", "B"))))));
            if (entranceExam != null) {
                content.put("entranceExam", entranceExam);
            }
            as("instructor").contentType("application/json").header("If-Match", etag).body(content)
                    .put("/api/content/v1/courses/" + key + "/draft/blocks/" + root).then().statusCode(200);
        }

        private static String homework(String key, String id, String parent, Map<String, Object> extra) {
            Map<String, Object> body = new HashMap<>(extra);
            body.putAll(Map.of("type", "sequential", "id", id, "parent", parent, "graded", true, "format",
                    "Homework", "displayName", id));
            return add(key, body);
        }

        private static String unit(String key, String id, String parent) {
            return add(key, Map.of("type", "vertical", "id", id, "parent", parent));
        }

        private static String problem(String key, String id, String parent, Map<String, Object> extra) {
            Map<String, Object> body = new HashMap<>(extra);
            body.putAll(Map.of("type", "problem", "id", id, "parent", parent, "problem",
                    Map.of("kind", "numerical", "prompt", "2 + 2", "answer", 4, "maxScore", 1, "maxAttempts", 1)));
            return add(key, body);
        }

        private static String add(String key, Map<String, Object> body) {
            return as("instructor").contentType("application/json").body(body)
                    .post("/api/content/v1/courses/" + key + "/draft/blocks").then().statusCode(201).extract()
                    .path("key");
        }

        String enrollment(String path) {
            return "/api/enrollment/v1/courses/" + key + path;
        }

        String cohort(String name, int contentGroup) {
            return as("instructor").contentType("application/json").body(Map.of("name", name, "contentGroup",
                    Map.of("partitionId", 101, "groupId", contentGroup))).post(enrollment("/cohorts")).then()
                    .statusCode(201).extract().path("id");
        }

        void place(String cohort, String userId) {
            as("instructor").put(enrollment("/cohorts/" + cohort + "/members/" + userId)).then().statusCode(200);
        }

        String block(String blockKey) {
            return "/api/content/v1/courses/" + key + "/versions/latest/blocks/" + blockKey;
        }

        String outline() {
            return "/api/grades/v1/me/courses/" + key + "/outline";
        }

        List<String> weekSequences(JsonPath outline) {
            return outline.getList("chapters.find { it.key == '" + week + "' }.sequences.key", String.class);
        }

        /** The outline's sequence {@code sequenceKey}, or null when it is not listed. */
        Map<String, Object> sequence(JsonPath outline, String sequenceKey) {
            return outline.get("chapters.sequences.flatten().find { it.key == '" + sequenceKey + "' }");
        }

        /** What locks the sequence ({@code kind}, {@code minScore}, ...), or null when nothing does. */
        @SuppressWarnings("unchecked")
        Map<String, Object> lock(JsonPath outline, String sequenceKey) {
            Map<String, Object> sequence = sequence(outline, sequenceKey);
            return sequence == null ? null : (Map<String, Object>) sequence.get("locked");
        }

        ValidatableResponse submit(String user, String item, int answer) {
            return as(user).contentType("application/json").body(Map.of("answer", Map.of("value", answer)))
                    .post("/api/submission/v1/courses/" + key + "/items/" + item + "/submissions").then();
        }
    }
}
