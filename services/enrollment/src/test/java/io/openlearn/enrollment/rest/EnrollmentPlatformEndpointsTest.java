package io.openlearn.enrollment.rest;

import io.openlearn.testkit.PlatformEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EnrollmentPlatformEndpointsTest extends PlatformEndpointsContract {

    @Override
    protected String protectedPath() {
        return "/api/enrollment/v1/me/enrollments";
    }
}
