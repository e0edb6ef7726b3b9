package io.openlearn.auth.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.openlearn.auth.domain.RsaJwk;
import io.openlearn.auth.service.SigningKeyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The JWKS response, wherever it is served, counted so that fetch storms show in the metrics. */
@ApplicationScoped
public class JwksResponses {

    /** Verifiers may cache the set briefly; a new key is published well before it signs anything. */
    static final String CACHE_CONTROL = "public, max-age=300";

    private final SigningKeyService keys;
    private final Counter jwksRequests;

    public JwksResponses(SigningKeyService keys, MeterRegistry registry) {
        this.keys = keys;
        this.jwksRequests = Counter.builder("openlearn.auth.jwks.requests").register(registry);
    }

    Response jwks() {
        jwksRequests.increment();
        var body = Map.of("keys", keys.publishedKeys().stream().map(RsaJwk::toJson).toList());
        return Response.ok(body).header("Cache-Control", CACHE_CONTROL).build();
    }
}
