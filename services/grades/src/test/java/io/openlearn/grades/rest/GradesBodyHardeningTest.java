package io.openlearn.grades.rest;

import io.openlearn.testkit.BodyHardeningContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GradesBodyHardeningTest extends BodyHardeningContract {

    @Override
    protected String method() {
        return "PUT";
    }

    @Override
    protected String path() {
        return "/api/grades/v1/courses/course-v1:Hard+H1+2026/learners/learner1/overrides/block-v1:Hard+H1+2026+type@sequential+block@s1";
    }

    @Override
    protected String validBody() {
        return "{\"earnedGraded\":1,\"possibleGraded\":2,\"reason\":\"regrade\"}";
    }

    @Override
    protected String stringField() {
        return "reason";
    }
}
