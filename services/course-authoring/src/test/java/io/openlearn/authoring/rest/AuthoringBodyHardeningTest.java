package io.openlearn.authoring.rest;

import io.openlearn.testkit.BodyHardeningContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuthoringBodyHardeningTest extends BodyHardeningContract {

    @Override
    protected String method() {
        return "POST";
    }

    @Override
    protected String path() {
        return "/api/authoring/v1/course-runs";
    }

    @Override
    protected String validBody() {
        return "{\"org\":\"Hard\",\"number\":\"H1\",\"run\":\"2026\",\"title\":\"Hardening\"}";
    }

    @Override
    protected String stringField() {
        return "title";
    }
}
