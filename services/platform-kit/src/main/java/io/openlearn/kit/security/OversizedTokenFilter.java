package io.openlearn.kit.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.problem.Problem;
import io.openlearn.kit.problem.Problems;
import io.openlearn.kit.requestid.RequestIds;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Refuses bearer tokens longer than 8 KB before anything parses them: platform tokens are far smaller, and a huge
 * token only costs the verifier work (base64, JSON, signature over megabytes).
 */
@ApplicationScoped
public class OversizedTokenFilter {

    public static final int MAX_AUTHORIZATION_BYTES = 8 * 1024 + "Bearer ".length();
    static final int PRIORITY = 9_000;

    private final ObjectMapper json;

    public OversizedTokenFilter(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            String authorization = ctx.request().getHeader("Authorization");
            if (authorization != null && authorization.length() > MAX_AUTHORIZATION_BYTES) {
                refuse(ctx);
                return;
            }
            ctx.next();
        }, PRIORITY);
    }

    private void refuse(RoutingContext ctx) {
        Problem problem = new Problem(Problems.typeFor(401), Problems.titleFor(401), 401,
                "The bearer token is larger than this platform accepts.", ctx.request().path(),
                ctx.get(RequestIds.MDC_KEY), List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":401}";
        }
        ctx.response().setStatusCode(401)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer realm=\"openlearn\", error=\"invalid_token\"")
                .end(body);
    }
}
