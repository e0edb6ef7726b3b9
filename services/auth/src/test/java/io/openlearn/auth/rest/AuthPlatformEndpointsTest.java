package io.openlearn.auth.rest;

import io.openlearn.testkit.PlatformEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuthPlatformEndpointsTest extends PlatformEndpointsContract {

    @Override
    protected String protectedPath() {
        return "/api/auth/v1/me";
    }
}
