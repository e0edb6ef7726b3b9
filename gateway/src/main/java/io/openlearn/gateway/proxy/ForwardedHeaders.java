package io.openlearn.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which headers cross the gateway, in each direction. */
final class ForwardedHeaders {

    /** RFC 9110 section 7.6.1 connection-specific headers: they describe one hop, never the next. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "http2-settings");

    /** Claims about the client that only the gateway may make; a caller's copies are dropped. */
    static final Set<String> EDGE_ASSERTED = Set.of("forwarded", "x-forwarded-for", "x-forwarded-host",
            "x-forwarded-proto", "x-forwarded-port", "x-forwarded-prefix", "x-real-ip");

    /**
     * W3C trace context: the gateway continues a caller's trace in its own span and hands its client span's context
     * upstream, so the caller's copy would skip the gateway in the trace.
     */
    static final Set<String> TRACE_CONTEXT = Set.of("traceparent", "tracestate");

    private static final String INTERNAL_PREFIX = "x-openlearn-";

    /*
     * Every header of every request and answer is checked, so the checks ignore case by comparison rather than by
     * lower-casing a copy of each name.
     */
    private static final Set<String> NOT_UPSTREAM = ignoringCase(HOP_BY_HOP, EDGE_ASSERTED, TRACE_CONTEXT,
            Set.of("authorization"));
    // Vary is merged with the gateway's own (mergeVary), not copied beside it
    private static final Set<String> NOT_DOWNSTREAM = ignoringCase(HOP_BY_HOP, Set.of("x-request-id", "vary"));

    private ForwardedHeaders() {
    }

    static boolean passesUpstream(String name) {
        return !NOT_UPSTREAM.contains(name)
                && !name.regionMatches(true, 0, INTERNAL_PREFIX, 0, INTERNAL_PREFIX.length());
    }

    static boolean passesDownstream(String name) {
        return !NOT_DOWNSTREAM.contains(name);
    }

    @SafeVarargs
    private static Set<String> ignoringCase(Set<String>... names) {
        TreeSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Set<String> some : names) {
            set.addAll(some);
        }
        return Collections.unmodifiableSet(set);
    }

    static void copy(MultiMap from, MultiMap to, java.util.function.Predicate<String> allowed) {
        from.forEach(entry -> {
            if (allowed.test(entry.getKey())) {
                to.add(entry.getKey(), entry.getValue());
            }
        });
    }

    /**
     * Adds the upstream's Vary to the answer's, which already names Origin (EdgeFilter): one header, each field
     * once whatever its case, {@code *} alone if either says it. A cache keyed on fewer fields than the answer
     * depends on would hand one caller's answer to another.
     */
    static void mergeVary(MultiMap answer, MultiMap upstream) {
        if (upstream.get(HttpHeaders.VARY) == null) {
            return;
        }
        List<String> fields = new ArrayList<>();
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (MultiMap headers : List.of(answer, upstream)) {
            for (String value : headers.getAll(HttpHeaders.VARY)) {
                for (String field : value.split(",")) {
                    String name = field.strip();
                    if ("*".equals(name)) {
                        answer.set(HttpHeaders.VARY, "*");
                        return;
                    }
                    if (!name.isEmpty() && seen.add(name)) {
                        fields.add(name);
                    }
                }
            }
        }
        answer.set(HttpHeaders.VARY, String.join(", ", fields));
    }
}
