package io.openlearn.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.problem.Problem;
import io.openlearn.kit.problem.Problems;
import io.openlearn.kit.requestid.RequestIds;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Ends a request at the gateway with a problem+json body, the same shape the services answer with. */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(RoutingContext ctx, int status, String detail) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        String requestId = ctx.get(RequestIds.MDC_KEY);
        Problem problem = new Problem(Problems.ABOUT_BLANK, Problems.titleFor(status), status, detail,
                ctx.request().path(), requestId, List.of());
        try {
            ctx.response().setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(status).end();
        }
    }
}
