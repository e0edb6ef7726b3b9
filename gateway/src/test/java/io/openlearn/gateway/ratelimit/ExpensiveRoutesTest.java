package io.openlearn.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which calls draw from the small expensive bucket, with the routes the gateway ships with. */
class ExpensiveRoutesTest {

    private static List<RateLimits.Route> shipped() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ExpensiveRoutesTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return Arrays.stream(properties.getProperty("gateway.rate-limit.expensive-paths").split(","))
                .map(RateLimits.Route::parse).toList();
    }

    private static boolean expensive(String method, String path) throws IOException {
        return shipped().stream().anyMatch(route -> route.matches(method, path));
    }

    @Test
    void startingAGradeJobOrAWhatIfIsExpensiveButPollingAndReadingAreNot() throws IOException {
        String course = "/api/grades/v1/courses/course-v1:Org+C1+2026";
        assertTrue(expensive("POST", course + "/jobs"), "a regrade, rescore, resync or report request");
        assertTrue(expensive("POST", course + "/what-if"), "a distribution over every learner");
        assertFalse(expensive("GET", course + "/jobs/5f0c2b9e-0000-4000-8000-000000000000"), "polling a job");
        assertFalse(expensive("GET", course + "/gradebook"));
        assertFalse(expensive("PUT", course + "/learners/u1/overrides/block-v1:x"));
    }

    @Test
    void routesWithoutAMethodMatchEveryMethod() throws IOException {
        assertTrue(expensive("POST", "/api/submission/v1/courses/c/items/i/rescore"));
        assertTrue(expensive("GET", "/api/enrollment/v1/courses/x/regrade"));
        RateLimits.Route route = RateLimits.Route.parse("POST /api/x/[^/]+/run");
        assertTrue(route.matches("POST", "/api/x/1/run"));
        assertFalse(route.matches("GET", "/api/x/1/run"));
        assertFalse(route.matches("POST", "/api/x/1/2/run"));
    }
}
