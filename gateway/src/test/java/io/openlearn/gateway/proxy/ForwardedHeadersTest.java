package io.openlearn.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

    @Test
    void upstreamLosesHopByHopEdgeAssertedInternalAndCallerAuthorizationHeadersWhateverTheirCase() {
        MultiMap from = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "keep-alive").add("TRANSFER-ENCODING", "chunked").add("host", "evil")
                .add("X-Forwarded-For", "6.6.6.6").add("x-real-ip", "6.6.6.6").add("Forwarded", "for=6.6.6.6")
                .add("Authorization", "Bearer caller").add("X-OpenLearn-Service", "grades")
                .add("x-openlearn-user", "admin")
                .add("Accept", "application/json").add("If-Match", "\"3\"").add("X-Request-Id", "r-1")
                .add("Content-Type", "application/json");
        MultiMap to = MultiMap.caseInsensitiveMultiMap();

        ForwardedHeaders.copy(from, to, ForwardedHeaders::passesUpstream);

        assertEquals(Set.of("Accept", "If-Match", "X-Request-Id", "Content-Type"), to.names());
    }

    @Test
    void downstreamLosesHopByHopHeadersAndTheUpstreamsRequestIdButKeepsTheRest() {
        MultiMap from = MultiMap.caseInsensitiveMultiMap()
                .add("Keep-Alive", "timeout=5").add("x-request-id", "upstream-own").add("ETag", "\"7\"")
                .add("Set-Cookie", "a=1").add("Set-Cookie", "b=2").add("Content-Length", "12");
        MultiMap to = MultiMap.caseInsensitiveMultiMap();

        ForwardedHeaders.copy(from, to, ForwardedHeaders::passesDownstream);

        assertEquals(Set.of("ETag", "Set-Cookie", "Content-Length"), to.names());
        assertEquals(List.of("a=1", "b=2"), to.getAll("Set-Cookie"));
    }
}
