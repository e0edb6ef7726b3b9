package io.openlearn.auth.rest;

import io.openlearn.auth.service.ActiveKey;
import io.openlearn.auth.service.SigningKeyService;
import io.openlearn.testkit.PlatformEndpointsContract;
import io.openlearn.testkit.SigningKey;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class AuthPlatformEndpointsTest extends PlatformEndpointsContract {

    @Inject
    SigningKeyService keys;

    /** auth verifies with its own keyring: hostile tokens are built against its active key. */
    @Override
    protected SigningKey trustedKey() {
        ActiveKey active = keys.activeKey();
        return new SigningKey(active.kid(), active.privateKey());
    }

    @Override
    protected String protectedPath() {
        return "/api/auth/v1/me";
    }
}
