package io.openlearn.kit.http;

import io.openlearn.kit.problem.Problem;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.problem.RouteProblems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;

/**
 * Refuses an API request whose path or query holds a control character (raw or percent-encoded, {@code %00} among
 * them) or a broken percent-encoding, before any resource binds it to a parameter. Identifiers, keys and filters on
 * this platform never contain one, and PostgreSQL cannot even store a NUL.
 */
@ApplicationScoped
public class RequestTargetFilter {

    /** After request ids (10,000), ahead of authentication and routing. */
    static final int PRIORITY = 9_500;

    private final RouteProblems problems;

    public RequestTargetFilter(RouteProblems problems) {
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            HttpServerRequest request = ctx.request();
            Optional<ProblemException> refusal = request.path().startsWith("/api/")
                    ? refusal(request.path(), request.query()) : Optional.empty();
            if (refusal.isPresent()) {
                problems.end(ctx, refusal.get());
                return;
            }
            ctx.next();
        }, PRIORITY);
    }

    /** Why a path and raw query cannot be served, if they cannot. */
    static Optional<ProblemException> refusal(String path, String query) {
        Verdict pathVerdict = inspect(path);
        if (pathVerdict != Verdict.CLEAN) {
            return Optional.of(ProblemException.invalid("path", pathVerdict.message));
        }
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            Verdict verdict = inspect(pair);
            if (verdict != Verdict.CLEAN) {
                String field = inspect(name) == Verdict.CLEAN ? name : "query";
                return Optional.of(ProblemException.invalid(List.of(new Problem.FieldError(field, verdict.message))));
            }
        }
        return Optional.empty();
    }

    enum Verdict {
        CLEAN(null),
        CONTROL("must not contain control characters"),
        BROKEN_ESCAPE("has a % not followed by two hexadecimal digits");

        final String message;

        Verdict(String message) {
            this.message = message;
        }
    }

    /** UTF-8 never encodes a C0 control or DEL inside a multi-byte sequence, so a byte-level look is enough. */
    static Verdict inspect(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            int c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Verdict.BROKEN_ESCAPE;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Verdict.BROKEN_ESCAPE;
                }
                c = high * 16 + low;
                i += 2;
            }
            if (c < 0x20 || c == 0x7f) {
                return Verdict.CONTROL;
            }
        }
        return Verdict.CLEAN;
    }
}
