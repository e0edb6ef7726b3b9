package io.openlearn.submission.rest;

import io.openlearn.testkit.BodyHardeningContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SubmissionBodyHardeningTest extends BodyHardeningContract {

    @Override
    protected String method() {
        return "PUT";
    }

    @Override
    protected String path() {
        return "/api/submission/v1/courses/course-v1:Hard+H1+2026/extensions/learner1";
    }

    @Override
    protected String validBody() {
        return "{\"subsectionKey\":\"block-v1:Hard+H1+2026+type@sequential+block@s1\",\"until\":\"2026-12-31T00:00:00Z\",\"reason\":\"illness\"}";
    }

    @Override
    protected String stringField() {
        return "reason";
    }
}
