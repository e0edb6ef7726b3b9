package io.openlearn.gradesworker.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.grades.client.StructureClient;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.testkit.FaultyUpstream;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's typed clients against a real socket: grades-core's structure read (retried once, a timeout a 503
 * within its deadline) and submission's scores page (retried once) and rescore (a POST: never retried, a timeout a
 * 503 within its configured deadline, a 4xx the job's permanent 422).
 */
@QuarkusTest
@WithTestResource(value = FaultyUpstreamResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class UpstreamFaultToleranceTest {

    @Inject
    StructureClient structures;
    @Inject
    SubmissionClient submission;

    FaultyUpstream upstream;

    static boolean warm;

    @BeforeEach
    void fresh() {
        upstream = FaultyUpstreamResource.upstream.reset();
        if (!warm) {
            // the first call of a fresh application builds its clients and connections: not what a deadline is for
            String course = course();
            upstream.answer("/api/content/v1/courses/" + course + "/structure", 200, "{\"version\": 1}")
                    .answer("POST", "/api/submission/v1/courses/" + course, 200, "{\"rescored\": 0}");
            structures.latest(course);
            submission.rescore(course, "p1", List.of());
            warm = true;
            upstream.reset();
        }
    }

    @Test
    void aStructureReadThatFailsOnceIsRetriedAndASlowOneIsA503() {
        String course = course();
        upstream.answer("/api/content/v1/courses/" + course + "/structure", 200, """
                {"courseKey": "%s", "version": 3, "chapters": [], "subsections": [{"key": "s1", "displayName": "HW 1",
                 "graded": true, "format": "Homework", "problems": [{"key": "p1", "maxScore": 2, "weight": 1}],
                 "unknownToTheWorker": true}]}""".formatted(course))
                .failNext("/api/content/v1/courses/" + course, 1, 503);
        CourseStructure structure = structures.latest(course).orElseThrow();
        assertEquals(3, structure.version());
        assertEquals(2.0, structure.subsections().get(0).problems().get(0).maxScore());
        assertEquals(2, upstream.requests("/api/content/v1/courses/" + course));

        String slow = course();
        upstream.answer("/api/content/v1/courses/" + slow + "/structure", 200, "{\"version\": 1}")
                .slow(Duration.ofMillis(3 * FaultyUpstreamResource.TIMEOUT_MS));
        long started = System.nanoTime();
        ProblemException problem = assertThrows(ProblemException.class, () -> structures.version(slow, 1));
        assertEquals(503, problem.status());
        assertTrue(problem.getMessage().contains("content-repository"), problem.getMessage());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 2 * FaultyUpstreamResource.TIMEOUT_MS + 300);
        assertEquals(1, upstream.requests("/api/content/v1/courses/" + slow));
    }

    @Test
    void aScoresPageThatFailsOnceIsRetried() {
        String course = course();
        UUID learner = UUID.randomUUID();
        upstream.answer("/api/submission/v1/courses/" + course + "/scores", 200, """
                {"courseKey": "%s", "nextAfter": null, "items": [{"userId": "%s", "itemKey": "p1", "rawEarned": 1,
                 "rawPossible": 2, "sequence": 4, "scoreId": "%s", "scoredAt": "2026-01-01T00:00:00Z"}]}"""
                .formatted(course, learner, UUID.randomUUID()))
                .failNext("/api/submission/v1/courses/" + course, 1, 500);
        SubmissionClient.ScorePage page = submission.latestScores(course, null, 100);
        assertEquals(1, page.scores().size());
        assertEquals(learner, page.scores().get(0).userId());
        assertEquals(0.5, page.scores().get(0).rawEarned() / page.scores().get(0).rawPossible());
        assertEquals(2, upstream.requests("/api/submission/v1/courses/" + course));
    }

    @Test
    void aRescoreIsNeverRetriedAndTimesOutWithinItsDeadline() {
        String course = course();
        String rescore = "/api/submission/v1/courses/" + course + "/items/p1/rescore";
        upstream.answer("POST", rescore, 200, "{\"learners\": 1, \"rescored\": 1, \"nextAfter\": null}")
                .failNext(rescore, 1, 503);
        ProblemException failed = assertThrows(ProblemException.class,
                () -> submission.rescore(course, "p1", List.of(UUID.randomUUID())));
        assertEquals(502, failed.status());
        assertEquals(1, upstream.requests(rescore), "a POST is not retried");
        assertEquals(1, submission.rescore(course, "p1", List.of(UUID.randomUUID())));

        upstream.reset().slow(Duration.ofMillis(3 * FaultyUpstreamResource.TIMEOUT_MS));
        long started = System.nanoTime();
        ProblemException slow = assertThrows(ProblemException.class,
                () -> submission.rescore(course, "p1", List.of(UUID.randomUUID())));
        assertEquals(503, slow.status());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 2 * FaultyUpstreamResource.TIMEOUT_MS + 300);
        assertEquals(1, upstream.requests(rescore));

        upstream.reset().answer("POST", "/api/submission/v1/courses/" + course + "/items/gone", 404, "{}");
        assertEquals(422, assertThrows(ProblemException.class,
                () -> submission.rescore(course, "gone", List.of(UUID.randomUUID()))).status());
    }

    private static String course() {
        return "ft-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
