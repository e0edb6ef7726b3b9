package io.openlearn.submission.rest;

import io.openlearn.testkit.PlatformEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SubmissionPlatformEndpointsTest extends PlatformEndpointsContract {

    @Override
    protected String protectedPath() {
        return "/api/submission/v1/me/submissions?courseKey=course-v1:OpenLearnX+CS101+2026_T1";
    }

    @Override
    protected String documentedPath() {
        return "/api/submission/v1/me/submissions";
    }
}
