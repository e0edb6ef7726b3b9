package io.openlearn.kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.kit.problem.Problem;
import io.openlearn.kit.problem.ProblemException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestTargetFilterTest {

    private static Problem.FieldError refusal(String path, String query) {
        Optional<ProblemException> refusal = RequestTargetFilter.refusal(path, query);
        assertTrue(refusal.isPresent(), path + "?" + query);
        return refusal.get().toProblem(path).errors().get(0);
    }

    @Test
    void controlCharactersInThePathAreRefusedRawOrEncoded() {
        assertEquals(new Problem.FieldError("path", "must not contain control characters"),
                refusal("/api/auth/v1/users/ad%00min", null));
        assertEquals("path", refusal("/api/x/%0a", null).field());
        assertEquals("path", refusal("/api/x/%7F", null).field());
        assertEquals("path", refusal("/api/x/a\u0001b", null).field());
    }

    @Test
    void brokenPercentEncodingIsRefused() {
        assertEquals(new Problem.FieldError("path", "has a % not followed by two hexadecimal digits"),
                refusal("/api/x/%zz", null));
        assertEquals("path", refusal("/api/x/%4", null).field());
    }

    @Test
    void queryParameterAtFaultIsNamed() {
        assertEquals(new Problem.FieldError("letter", "must not contain control characters"),
                refusal("/api/x", "page=2&letter=A%00"));
        assertEquals("query", refusal("/api/x", "bad%00name=1").field());
    }

    @Test
    void ordinaryTargetsPass() {
        assertTrue(RequestTargetFilter.refusal("/api/content/v1/courses/course-v1:Org+CS1+2026/blocks/%C3%A9", null)
                .isEmpty());
        assertTrue(RequestTargetFilter.refusal("/api/x", "q=caf%C3%A9+au+lait&since=2026-01-01T00%3A00Z").isEmpty());
        assertTrue(RequestTargetFilter.refusal("/api/x", "").isEmpty());
    }
}
