package io.openlearn.kit.http;

import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.problem.RouteProblems;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a declared body over the service's limit with a problem+json 413 before reading it. Quarkus' own check
 * (the same {@code quarkus.http.limits.max-body-size}) still applies to chunked bodies, which it cuts with a bare 413.
 */
@ApplicationScoped
public class BodyLimitFilter {

    static final int PRIORITY = 9_400;
    /** Quarkus' default for quarkus.http.limits.max-body-size. */
    static final long DEFAULT_LIMIT = 10L * 1024 * 1024;

    private final RouteProblems problems;
    private final long limit;

    public BodyLimitFilter(RouteProblems problems,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.problems = problems;
        this.limit = limit.map(MemorySize::asLongValue).orElse(DEFAULT_LIMIT);
    }

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && tooLarge(length)) {
                ctx.response().putHeader("Connection", "close");
                problems.end(ctx, new ProblemException(413, "The request body is larger than the " + limit
                        + " bytes this operation accepts."));
                return;
            }
            ctx.next();
        }, PRIORITY);
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
