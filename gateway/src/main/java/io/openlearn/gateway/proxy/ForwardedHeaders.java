package io.openlearn.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Set;

/** Which headers cross the gateway, in each direction. */
final class ForwardedHeaders {

    /** RFC 9110 section 7.6.1 connection-specific headers: they describe one hop, never the next. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "http2-settings");

    /** Claims about the client that only the gateway may make; a caller's copies are dropped. */
    static final Set<String> EDGE_ASSERTED = Set.of("forwarded", "x-forwarded-for", "x-forwarded-host",
            "x-forwarded-proto", "x-forwarded-port", "x-forwarded-prefix", "x-real-ip");

    private ForwardedHeaders() {
    }

    static boolean passesUpstream(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower) && !EDGE_ASSERTED.contains(lower) && !"authorization".equals(lower)
                && !lower.startsWith("x-openlearn-");
    }

    static boolean passesDownstream(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower) && !"x-request-id".equals(lower);
    }

    static void copy(MultiMap from, MultiMap to, java.util.function.Predicate<String> allowed) {
        from.forEach(entry -> {
            if (allowed.test(entry.getKey())) {
                to.add(entry.getKey(), entry.getValue());
            }
        });
    }
}
