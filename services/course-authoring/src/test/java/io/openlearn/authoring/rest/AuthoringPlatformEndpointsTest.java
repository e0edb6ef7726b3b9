package io.openlearn.authoring.rest;

import io.openlearn.testkit.PlatformEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuthoringPlatformEndpointsTest extends PlatformEndpointsContract {

    @Override
    protected String protectedPath() {
        return "/api/authoring/v1/course-runs";
    }
}
