package io.openlearn.content.rest;

import io.openlearn.testkit.BodyHardeningContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContentBodyHardeningTest extends BodyHardeningContract {

    @Override
    protected String method() {
        return "POST";
    }

    @Override
    protected String path() {
        return "/api/content/v1/courses/course-v1:Hard+H1+2026/draft/blocks";
    }

    @Override
    protected String validBody() {
        return "{\"type\":\"chapter\",\"displayName\":\"Week 1\"}";
    }

    @Override
    protected String stringField() {
        return "displayName";
    }

    /** Archives and assets need room: content accepts bodies up to 2 GB. */
    @Override
    protected long bodyLimitBytes() {
        return 2L * 1024 * 1024 * 1024;
    }
}
