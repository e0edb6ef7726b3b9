package io.openlearn.enrollment.rest;

import io.openlearn.testkit.BodyHardeningContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EnrollmentBodyHardeningTest extends BodyHardeningContract {

    @Override
    protected String method() {
        return "PUT";
    }

    @Override
    protected String path() {
        return "/api/enrollment/v1/courses/course-v1:Hard+H1+2026/enrollments/learner1";
    }

    @Override
    protected String validBody() {
        return "{\"mode\":\"audit\"}";
    }

    @Override
    protected String stringField() {
        return "mode";
    }
}
