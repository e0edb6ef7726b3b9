package io.openlearn.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemExceptionMappersTest {

    @Test
    void frameworkStatusesBecomeSentencesThatNameThePath() {
        assertEquals("Nothing is published at /api/x.", ProblemExceptionMappers.clientDetail(404, "/api/x"));
        assertEquals("This method is not allowed on /api/x.", ProblemExceptionMappers.clientDetail(405, "/api/x"));
        assertEquals("The request has a parameter or header this operation cannot read.",
                ProblemExceptionMappers.clientDetail(400, "/api/x"));
    }

    @Test
    void statusTitlesCoverCodesJaxRsDoesNotName() {
        assertEquals("Unprocessable Content", Problems.titleFor(422));
        assertEquals("Too Many Requests", Problems.titleFor(429));
        assertEquals("Not Found", Problems.titleFor(404));
    }

    @Test
    void everyStatusHasOneStableType() {
        assertEquals("urn:openlearn:problem:not-found", Problems.typeFor(404));
        assertEquals("urn:openlearn:problem:body-too-large", Problems.typeFor(413));
        assertEquals("urn:openlearn:problem:rate-limited", Problems.typeFor(429));
        assertEquals("urn:openlearn:problem:server-error", Problems.typeFor(500));
        assertEquals("urn:openlearn:problem:client-error", Problems.typeFor(418));
        assertEquals(Problems.typeFor(409), new ProblemException(409, "x").toProblem("/").type());
    }
}
