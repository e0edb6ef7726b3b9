package io.openlearn.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.requestid.RequestIds;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ends a request with a problem+json body from a Vert.x route filter, before the REST layer (and its exception
 * mappers) would see it.
 */
@ApplicationScoped
public class RouteProblems {

    private final ObjectMapper json;

    public RouteProblems(ObjectMapper json) {
        this.json = json;
    }

    public Future<Void> end(RoutingContext ctx, ProblemException problem) {
        Problem body = problem.toProblem(ctx.request().path());
        return end(ctx, new Problem(body.type(), body.title(), body.status(), body.detail(), body.instance(),
                ctx.get(RequestIds.MDC_KEY), body.errors()));
    }

    /** Completes once the answer is written. */
    public Future<Void> end(RoutingContext ctx, Problem problem) {
        String text;
        try {
            text = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            text = "{\"type\":\"" + problem.type() + "\",\"status\":" + problem.status() + "}";
        }
        return ctx.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(text);
    }
}
