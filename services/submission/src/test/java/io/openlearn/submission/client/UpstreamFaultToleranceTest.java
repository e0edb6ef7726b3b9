package io.openlearn.submission.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.kit.courseware.CoursewareCalls;
import io.openlearn.kit.courseware.CoursewareFacts;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.requestid.RequestIds;
import io.openlearn.kit.security.RevocationFeedSource;
import io.openlearn.kit.security.RevocationList;
import io.openlearn.testkit.FaultyUpstream;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The typed clients' fault tolerance against a real socket: a slow upstream is a 503 problem within the configured
 * deadline (not retried), a read that fails once is retried and answers, a lasting 5xx is a 502 naming the service,
 * and every call carries the service token and the request id (the kit's one client filter). Covers submission's
 * wrappers and the kit's (courseware facts, revocation feed).
 */
@QuarkusTest
@WithTestResource(value = FaultyUpstreamResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class UpstreamFaultToleranceTest {

    private static final String STRUCTURE = """
            {"courseKey": "%s", "version": 1, "subsections": [{"key": "s1", "showCorrectness": "always",
             "problems": [{"key": "p1", "visibleToStaffOnly": false, "extra": "ignored"}]}], "chapters": []}""";
    private static final String BLOCK = """
            {"key": "p1", "type": "problem", "children": [],
             "problem": {"kind": "choice", "choices": [{"id": "a"}, {"id": "b"}], "correctChoices": ["a"]}}""";

    @Inject
    ContentClient content;
    @Inject
    EnrollmentClient enrollment;
    @Inject
    CoursewareCalls coursewareCalls;
    @Inject
    RevocationFeedSource revocations;

    FaultyUpstream upstream;

    static boolean warm;

    @BeforeEach
    void fresh() {
        upstream = FaultyUpstreamResource.upstream.reset();
        if (!warm) {
            // the first call of a fresh application builds its clients and connections: not what a deadline is for
            String course = course();
            upstream.answer("/api/content/v1/courses/" + course + "/structure", 200, STRUCTURE.formatted(course))
                    .answer("/api/content/v1/courses/" + course + "/versions/1/blocks/p1", 200, BLOCK)
                    .answer("/api/enrollment/v1/courses/" + course, 200, "{\"active\": true}")
                    .answer("/api/authoring/v1/course-runs/" + course, 200, "{\"title\": \"T\"}");
            content.problem(course, "p1");
            enrollment.activeGroups(UUID.randomUUID(), course);
            coursewareCalls.run(upstream.url(), course);
            warm = true;
            upstream.reset();
        }
        RequestIds.bind("ft-" + UUID.randomUUID());
    }

    @AfterEach
    void unbind() {
        MDC.remove(RequestIds.MDC_KEY);
    }

    @Test
    void aSlowUpstreamIsA503WithinTheConfiguredDeadlineAndIsNotRetried() {
        String course = course();
        upstream.answer("/api/content/v1/courses/" + course + "/structure", 200, STRUCTURE.formatted(course))
                .slow(Duration.ofMillis(3 * FaultyUpstreamResource.TIMEOUT_MS));
        long started = System.nanoTime();
        ProblemException problem = assertThrows(ProblemException.class, () -> content.problem(course, "p1"));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, problem.status());
        assertTrue(problem.getMessage().contains("content-repository"), problem.getMessage());
        assertTrue(
                elapsedMs >= FaultyUpstreamResource.TIMEOUT_MS - 50 && elapsedMs < 2 * FaultyUpstreamResource.TIMEOUT_MS
                        + 300,
                "answered after " + elapsedMs + " ms");
        assertEquals(1, upstream.requests("/api/content/v1/courses/" + course + "/structure"));
    }

    @Test
    void aReadThatFailsOnceIsRetriedOnceAndAnswers() {
        String course = course();
        upstream.answer("/api/content/v1/courses/" + course + "/structure", 200, STRUCTURE.formatted(course))
                .answer("/api/content/v1/courses/" + course + "/versions/1/blocks/p1", 200, BLOCK)
                .failNext(1, 503);
        ProblemContext problem = content.problem(course, "p1");
        assertEquals("s1", problem.subsectionKey());
        assertEquals(java.util.List.of("a"), problem.answerKey().correctChoices());
        assertEquals(2, upstream.requests("/api/content/v1/courses/" + course + "/structure"));
        for (FaultyUpstream.Seen seen : upstream.seen()) {
            assertTrue(seen.authorization() != null && seen.authorization().startsWith("Bearer "), seen.toString());
            assertEquals(RequestIds.current().orElseThrow(), seen.requestId());
        }
    }

    @Test
    void aLasting5xxIsA502NamingTheService() {
        String course = course();
        upstream.answer("/api/enrollment/v1/courses/" + course, 200, "{\"active\": true}").failNext(2, 500);
        ProblemException problem = assertThrows(ProblemException.class,
                () -> enrollment.activeGroups(UUID.randomUUID(), course));
        assertEquals(502, problem.status());
        assertTrue(problem.getMessage().contains("enrollment"), problem.getMessage());
        assertEquals(2, upstream.requests("/api/enrollment/v1/courses/" + course), "one call and one retry");
    }

    @Test
    void aRefusalIsTheCallersMeaningAndNotRetried() {
        String course = course();
        // nothing answers for this course: 404, which is "not a published problem" to submission
        ProblemException problem = assertThrows(ProblemException.class, () -> content.problem(course, "p1"));
        assertEquals(404, problem.status());
        assertEquals(1, upstream.requests("/api/content/v1/courses/" + course + "/structure"));
    }

    @Test
    void theKitsCoursewareCallsTimeOutAndRetryTheSameWay() {
        String course = course();
        CoursewareFacts facts = new CoursewareFacts(coursewareCalls, new CoursewareFacts.Upstreams(upstream.url(),
                upstream.url(), upstream.url()),
                new CoursewareFacts.Ttls(Duration.ZERO, Duration.ZERO,
                        Duration.ZERO));
        upstream.answer("/api/authoring/v1/course-runs/" + course, 200,
                "{\"courseKey\": \"" + course + "\", \"title\": \"T\", \"daysEarlyForBeta\": 2}").failNext(1, 502);
        assertEquals(2, facts.run(course).daysEarlyForBeta());
        assertEquals(2, upstream.requests("/api/authoring/v1/course-runs/" + course));

        String slow = course();
        upstream.answer("/api/authoring/v1/course-runs/" + slow, 200, "{\"title\": \"T\"}")
                .slow(Duration.ofMillis(3 * FaultyUpstreamResource.TIMEOUT_MS));
        long started = System.nanoTime();
        ProblemException problem = assertThrows(ProblemException.class, () -> facts.run(slow));
        assertEquals(503, problem.status());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 2 * FaultyUpstreamResource.TIMEOUT_MS + 300);
    }

    @Test
    void theRevocationFeedIsReadThroughItsTypedClientWithTheServiceToken() {
        UUID user = UUID.randomUUID();
        upstream.answer("/api/auth/v1/revocations", 200, "{\"asOf\": \"2026-01-01T00:00:00Z\", \"tokens\":"
                + " [{\"jti\": \"j1\", \"expiresAt\": \"2026-01-01T00:10:00Z\"}], \"users\": [{\"userId\": \"" + user
                + "\", \"notBefore\": \"2026-01-01T00:00:00Z\"}]}");
        RevocationList.Feed feed = revocations.fetch(null);
        assertEquals(1, feed.tokens().size());
        assertTrue(feed.users().containsKey(user));
        FaultyUpstream.Seen seen = upstream.seen().get(0);
        assertEquals("/api/auth/v1/revocations", seen.path());
        assertTrue(seen.authorization().startsWith("Bearer "));
    }

    private static String course() {
        return "ft-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
