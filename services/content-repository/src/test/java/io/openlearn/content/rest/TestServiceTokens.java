package io.openlearn.content.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.servicetoken.ServiceTokenConfig;
import io.openlearn.kit.servicetoken.ServiceTokenProvider;
import io.openlearn.testkit.TestTokens;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;

/** auth does not run in module tests: content-repository's own service token is signed with the test key instead. */
@Alternative
@Priority(1)
@jakarta.inject.Singleton
public class TestServiceTokens extends ServiceTokenProvider {

    public TestServiceTokens(ServiceTokenConfig config, ObjectMapper json) {
        super(config, json);
    }

    @Override
    public synchronized String token() {
        return TestTokens.user("content-repository").group("service").sign();
    }
}
