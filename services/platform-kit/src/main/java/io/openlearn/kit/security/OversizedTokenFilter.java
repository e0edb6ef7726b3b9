package io.openlearn.kit.security;

import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.problem.RouteProblems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses bearer tokens longer than 8 KB before anything parses them: platform tokens are far smaller, and a huge
 * token only costs the verifier work (base64, JSON, signature over megabytes).
 */
@ApplicationScoped
public class OversizedTokenFilter {

    public static final int MAX_AUTHORIZATION_BYTES = 8 * 1024 + "Bearer ".length();
    static final int PRIORITY = 9_000;

    private final RouteProblems problems;

    public OversizedTokenFilter(RouteProblems problems) {
        this.problems = problems;
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
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"openlearn\", error=\"invalid_token\"");
        problems.end(ctx, new ProblemException(401, "The bearer token is larger than this platform accepts."));
    }
}
