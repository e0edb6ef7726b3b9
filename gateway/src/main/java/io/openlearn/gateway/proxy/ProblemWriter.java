package io.openlearn.gateway.proxy;

import io.openlearn.kit.problem.Problem;
import io.openlearn.kit.problem.Problems;
import io.openlearn.kit.problem.RouteProblems;
import io.openlearn.kit.requestid.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Ends a request at the gateway with a problem+json body, the same shape and the same type URI per status as the
 * services answer with (platform-kit's {@code Problems.typeFor}), so a client switches on {@code type} alone.
 */
@ApplicationScoped
public class ProblemWriter {

    /**
     * How long the rest of a refused body is read and dropped before the connection closes. Closing on unread bytes
     * makes TCP reset the connection, and a caller still sending may then never read its 413 (nginx's lingering
     * close, shorter: long enough for a caller to notice the answer, not long enough to be worth keeping open).
     */
    static final long LINGER_MILLIS = 2_000;

    private final RouteProblems problems;

    public ProblemWriter(RouteProblems problems) {
        this.problems = problems;
    }

    /** Completes once the answer is written (or at once when it could not be: the answer had begun). */
    public Future<Void> write(RoutingContext ctx, int status, String detail) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            ctx.response().reset();
            return Future.succeededFuture();
        }
        return problems.end(ctx, new Problem(Problems.typeFor(status), Problems.titleFor(status), status, detail,
                ctx.request().path(), ctx.get(RequestIds.MDC_KEY), List.of()));
    }

    /**
     * Answers a request whose body the gateway will not take, then closes the connection: once the caller's body
     * has ended, or after {@link #LINGER_MILLIS} of reading and dropping it. The connection cannot carry another
     * request while an unread body sits in front of it.
     */
    public void writeAndClose(RoutingContext ctx, int status, String detail) {
        HttpServerRequest request = ctx.request();
        ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        Future<Void> written = write(ctx, status, detail);
        if (request.isEnded()) {
            written.onComplete(done -> request.connection().close());
            return;
        }
        long linger = ctx.vertx().setTimer(LINGER_MILLIS, id -> request.connection().close());
        request.handler(dropped -> {}).endHandler(ended -> {
            ctx.vertx().cancelTimer(linger);
            written.onComplete(done -> request.connection().close());
        });
        request.resume();
    }
}
