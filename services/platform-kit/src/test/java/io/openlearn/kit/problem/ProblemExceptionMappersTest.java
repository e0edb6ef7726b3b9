package io.openlearn.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemExceptionMappersTest {

    @Test
    void frameworkStatusMessagesBecomeSentencesThatNameThePath() {
        assertEquals("Nothing is published at /api/x.", ProblemExceptionMappers.clientDetail(404, "HTTP 404 Not Found", "/api/x"));
        assertEquals("This method is not allowed on /api/x.",
                ProblemExceptionMappers.clientDetail(405, "HTTP 405 Method Not Allowed", "/api/x"));
    }

    @Test
    void messagesWrittenOnPurposeAreKept() {
        assertEquals("Course run not found.", ProblemExceptionMappers.clientDetail(404, "Course run not found.", "/x"));
    }

    @Test
    void statusTitlesCoverCodesJaxRsDoesNotName() {
        assertEquals("Unprocessable Content", Problems.titleFor(422));
        assertEquals("Too Many Requests", Problems.titleFor(429));
        assertEquals("Not Found", Problems.titleFor(404));
    }
}
