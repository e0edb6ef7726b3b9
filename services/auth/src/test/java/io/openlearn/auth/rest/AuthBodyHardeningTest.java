package io.openlearn.auth.rest;

import io.openlearn.testkit.BodyHardeningContract;
import io.openlearn.testkit.PlatformTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuthBodyHardeningTest extends BodyHardeningContract {

    @Override
    protected String method() {
        return "POST";
    }

    @Override
    protected String path() {
        return "/api/auth/v1/role-assignments";
    }

    @Override
    protected String validBody() {
        return "{\"username\":\"learner1\",\"role\":\"course_staff\",\"scope\":\"course-v1:Hard+H1+2026\",\"reason\":\"hardening\"}";
    }

    @Override
    protected String stringField() {
        return "reason";
    }

    /** auth trusts only its own keys: a real admin token, exchanged at the service under test. */
    @Override
    protected String token() {
        return PlatformTokens.forUser("admin");
    }
}
