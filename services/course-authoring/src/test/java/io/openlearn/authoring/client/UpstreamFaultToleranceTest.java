package io.openlearn.authoring.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.kit.problem.ProblemException;
import io.openlearn.testkit.FaultyUpstream;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write side of the typed clients against a real socket: a POST is never retried (a failure is one request and a
 * 502), a DELETE (idempotent) is retried once, a slow POST is a 503 within its configured deadline, and the service
 * token comes from the token endpoints through the token provider's own client, which carries no token itself.
 */
@QuarkusTest
@WithTestResource(value = FaultyUpstreamResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class UpstreamFaultToleranceTest {

    private static final String ASSIGNMENTS = "/api/auth/v1/role-assignments";

    @Inject
    CourseTeamClient team;
    @Inject
    ContentCopyClient copies;

    /** Every request of the warm-ups: the first one fetches the service token. */
    static final List<FaultyUpstream.Seen> WARM_UPS = new CopyOnWriteArrayList<>();

    FaultyUpstream upstream;

    @BeforeEach
    void fresh() {
        upstream = FaultyUpstreamResource.upstream.reset()
                .answer("POST", "/idp/token", 200, "{\"access_token\": \"idp-token\", \"expires_in\": 300}")
                .answer("POST", "/api/auth/v1/token", 200,
                        "{\"access_token\": \"platform-token\", \"token_type\": \"Bearer\", \"expires_in\": 600}")
                .answer("POST", ASSIGNMENTS, 201, "{\"id\": 7, \"username\": \"ann\", \"role\": \"course_staff\","
                        + " \"scope\": \"course-v1:Ft+A+2026\", \"grantedAt\": \"2026-01-01T00:00:00Z\"}");
        // the service token is fetched (once per process) before a test breaks the upstream
        team.add("course-v1:Ft+A+2026", "ann", "course_staff", "tester");
        WARM_UPS.addAll(upstream.seen());
        upstream.reset();
    }

    @Test
    void aFailingPostIsOneRequestAndA502() {
        upstream.failNext(1, 500);
        ProblemException problem = assertThrows(ProblemException.class,
                () -> team.add("course-v1:Ft+A+2026", "ann", "course_staff", "tester"));
        assertEquals(502, problem.status());
        assertEquals(1, upstream.seen().stream().filter(s -> s.method().equals("POST")
                && s.path().equals(ASSIGNMENTS)).count(), "a POST is not retried");
        assertEquals(7, team.add("course-v1:Ft+A+2026", "ann", "course_staff", "tester").assignmentId());
    }

    @Test
    void aSlowPostIsA503WithinItsDeadline() {
        upstream.slow(Duration.ofMillis(3 * FaultyUpstreamResource.TIMEOUT_MS));
        long started = System.nanoTime();
        ProblemException problem = assertThrows(ProblemException.class,
                () -> team.add("course-v1:Ft+A+2026", "ann", "course_staff", "tester"));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, problem.status());
        assertTrue(problem.getMessage().contains("auth"), problem.getMessage());
        assertTrue(elapsedMs < 2 * FaultyUpstreamResource.TIMEOUT_MS + 300, "answered after " + elapsedMs + " ms");
    }

    @Test
    void anIdempotentDeleteIsRetriedOnceAndAGoneAssignmentIsDone() {
        upstream.answer("DELETE", ASSIGNMENTS + "/9", 204, "");
        upstream.failNext(1, 503);
        team.remove(9, "tester");
        assertEquals(2, upstream.seen().stream().filter(s -> s.method().equals("DELETE")).count());
        team.remove(404_404, "tester"); // nothing answers for it: 404, already gone
    }

    @Test
    void theServiceTokenComesThroughTheTokenProvidersOwnClient() {
        team.add("course-v1:Ft+A+2026", "ann", "course_staff", "tester");
        List<FaultyUpstream.Seen> seen = new ArrayList<>(WARM_UPS);
        seen.addAll(upstream.seen());
        assertTrue(seen.stream().anyMatch(s -> s.path().equals("/idp/token")), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.path().equals("/api/auth/v1/token")), seen.toString());
        for (FaultyUpstream.Seen call : seen) {
            if (call.path().equals("/idp/token") || call.path().equals("/api/auth/v1/token")) {
                assertNull(call.authorization(), "a token call carries no service token");
            } else {
                assertEquals("Bearer platform-token", call.authorization());
            }
        }
    }

    @Test
    void aFailedContentCopyIsAnOutcomeNotAnError() {
        upstream.answer("POST", "/api/content/v1/courses/", 201,
                "{\"sourceCourseKey\": \"course-v1:Ft+A+2026\", \"targetCourseKey\": \"course-v1:Ft+B+2026\","
                        + " \"copiedBlocks\": 3, \"copiedAssets\": 1}");
        ContentCopyClient.Outcome copied = copies.copy("course-v1:Ft+A+2026", "course-v1:Ft+B+2026");
        assertTrue(copied.copied(), copied.detail());
        assertEquals("3 block(s) and 1 asset(s) copied", copied.detail());
        upstream.failNext(1, 500);
        assertFalse(copies.copy("course-v1:Ft+A+2026", "course-v1:Ft+B+2026").copied());
    }
}
