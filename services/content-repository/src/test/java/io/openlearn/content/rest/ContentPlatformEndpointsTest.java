package io.openlearn.content.rest;

import io.openlearn.testkit.PlatformEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContentPlatformEndpointsTest extends PlatformEndpointsContract {

    @Override
    protected String protectedPath() {
        return "/api/content/v1/courses/course-v1:OpenLearnX+CS101+2026_T1/versions";
    }

    @Override
    protected String documentedPath() {
        return "/api/content/v1/courses/{courseKey}/versions";
    }
}
