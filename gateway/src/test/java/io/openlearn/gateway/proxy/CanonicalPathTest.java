package io.openlearn.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/grades/v1/courses/k/jobs/,          /api/grades/v1/courses/k/jobs",
            "/api/grades/v1/courses/k/jobs;x=1,       /api/grades/v1/courses/k/jobs",
            "/api/grades/v1/courses/k;v=1;w=2/jobs,   /api/grades/v1/courses/k/jobs",
            "/api/grades/v1/courses/k//jobs,          /api/grades/v1/courses/k/jobs",
            "//api///grades/v1//,                     /api/grades/v1",
            "/api/grades/v1/courses/k/j%6Fbs,         /api/grades/v1/courses/k/jobs",
            "/api/grades/v1/courses/k/j%6fbs,         /api/grades/v1/courses/k/jobs",
            "/api/x/%41%5a%61%7a%30%39%2D%2E%5F%7E,   /api/x/AZaz09-._~",
            "/api/grades/v1/courses/k/jobs/.,         /api/grades/v1/courses/k/jobs",
            "/api/grades/v1/courses/k/./jobs,         /api/grades/v1/courses/k/jobs",
            "/api/grades/v1/courses/k/x/../jobs,      /api/grades/v1/courses/k/jobs",
            "/api/grades/v1/courses/k/%2e%2E/jobs,    /api/grades/v1/courses/jobs",
            "/api/grades/v1/courses/k/jobs/..,        /api/grades/v1/courses/k",
            "/api/enrollment/../grades/v1/x,          /api/grades/v1/x",
            "/api/../../../etc/passwd,                /etc/passwd",
            "/..,                                     /",
            "/api/x/;a=1/y,                           /api/x/y",
            "/api/x/a%2fb,                            /api/x/a%2Fb",
            "/api/x/a%2Fb/,                           /api/x/a%2Fb",
            "/api/x/a%3Bb/c,                          /api/x/a%3Bb/c",
            "/api/x/%2E%2E%2Fy,                       /api/x/..%2Fy",
            "/api/x/%e2%82%ac,                        /api/x/%E2%82%AC",
            "/api/x/a.b/.hidden/..x,                  /api/x/a.b/.hidden/..x",
    })
    void variantsOfAPathBecomeOneCanonicalPath(String raw, String canonical) {
        assertEquals(canonical, CanonicalPath.of(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/grades/v1/courses/course-v1:Org+C1+2026/jobs", "/", "/api/x/a%2Fb",
            "/api/auth/v1/jwks.json", "/api/x/a.b/~c/d-e_f", "/api/x/%E2%82%AC"})
    void aCanonicalPathIsReturnedAsItIsWithoutCopying(String canonical) {
        assertSame(canonical, CanonicalPath.of(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/x/%zz", "/api/x/%", "/api/x/%4", "/api/x/a%g1"})
    void aMalformedPercentEncodingHasNoCanonicalPath(String raw) {
        assertNull(CanonicalPath.of(raw));
    }

    @Test
    void methodsAreUpperCaseAndTheStandardOnesAreTheSharedConstants() {
        assertSame(HttpMethod.POST, CanonicalMethod.of(HttpMethod.valueOf("post")));
        assertSame(HttpMethod.DELETE, CanonicalMethod.of(HttpMethod.valueOf("Delete")));
        assertSame(HttpMethod.GET, CanonicalMethod.of(HttpMethod.GET));
        assertEquals("PROPFIND", CanonicalMethod.of(HttpMethod.valueOf("propfind")).name());
    }
}
