package io.openlearn.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    /** An ingress in the pod network, and the loopback of a sidecar. */
    private final TrustedProxies ingress = TrustedProxies.of(List.of("10.0.0.0/8", "fd00::/8", "127.0.0.1"));

    private String client(String peer, List<String> xForwardedFor, List<String> forwarded) {
        return ingress.clientAddress(peer, xForwardedFor, forwarded);
    }

    @Test
    void withNoTrustedProxiesThePeerIsTheClientWhateverTheHeadersSay() {
        TrustedProxies none = TrustedProxies.of(List.of());
        assertTrue(none.none());
        assertEquals("10.1.2.3", none.clientAddress("10.1.2.3", List.of("203.0.113.7"), List.of("for=203.0.113.8")));
    }

    @Test
    void anUntrustedPeersForwardingHeadersAreIgnored() {
        assertEquals("198.51.100.4", client("198.51.100.4", List.of("203.0.113.7"), List.of("for=203.0.113.8")));
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostAddressItDidNotAddItself() {
        assertEquals("203.0.113.7", client("10.1.2.3", List.of("203.0.113.7"), List.of()));
        // spoofed entries a caller put in front are left of what the proxy appended
        assertEquals("203.0.113.7", client("10.1.2.3", List.of("6.6.6.6, 1.1.1.1, 203.0.113.7"), List.of()));
        // a chain of trusted proxies: each hop is skipped
        assertEquals("203.0.113.7", client("10.1.2.3", List.of("6.6.6.6, 203.0.113.7, 10.9.9.9, 10.8.8.8"),
                List.of()));
        // several header lines are one list, in order
        assertEquals("203.0.113.7", client("10.1.2.3", List.of("6.6.6.6", "203.0.113.7,10.9.9.9"), List.of()));
    }

    @Test
    void aPeerInsideTheTrustedRangesWithNoOtherAddressIsItselfTheClient() {
        assertEquals("10.1.2.3", client("10.1.2.3", List.of(), List.of()));
        assertEquals("10.9.9.9", client("10.1.2.3", List.of("10.9.9.9"), List.of()));
    }

    @Test
    void rfc7239ForwardedIsReadWhenThereIsNoXForwardedFor() {
        assertEquals("203.0.113.7", client("10.1.2.3", List.of(),
                List.of("for=6.6.6.6;proto=https, for=203.0.113.7;proto=https;by=10.1.2.3")));
        assertEquals("203.0.113.7", client("10.1.2.3", List.of(), List.of("For=\"203.0.113.7:4711\"")));
        assertEquals("2001:db8:cafe:0:0:0:0:17", client("10.1.2.3", List.of(),
                List.of("for=192.0.2.43, for=\"[2001:db8:cafe::17]:4711\"")));
    }

    @Test
    void ipv6PeersAndAddressesAreUnderstood() {
        assertEquals("2001:db8:0:0:0:0:0:7", client("fd00:0:0:0:0:0:0:1", List.of("2001:db8::7"), List.of()));
        assertEquals("2001:db8:0:0:0:0:0:7", client("fd12::1", List.of("2001:DB8::7, fd00::5"), List.of()));
        assertEquals("2001:db8:0:0:0:0:0:7", client("10.1.2.3", List.of("[2001:db8::7]:443"), List.of()));
        // an IPv4 peer seen through a dual-stack socket
        assertEquals("203.0.113.7", client("::ffff:10.1.2.3", List.of("203.0.113.7"), List.of()));
        assertEquals("2001:db8:0:0:0:0:0:9", client("2001:db8:0:0:0:0:0:9", List.of("203.0.113.7"), List.of()),
                "an untrusted IPv6 peer, as Vert.x reports it");
    }

    @Test
    void malformedEntriesAreSkippedAndNeverLookedUp() {
        assertEquals("203.0.113.7", client("10.1.2.3", List.of("203.0.113.7, garbage, 10.9.9.9"), List.of()));
        assertEquals("203.0.113.7", client("10.1.2.3",
                List.of("203.0.113.7, evil.example, 1.2.3, 999.1.1.1, 01.2.3.4, ::g, , unknown"), List.of()));
        assertEquals("203.0.113.7", client("10.1.2.3", List.of(),
                List.of("for=203.0.113.7;x=y, for=_hidden, for=unknown")));
        assertEquals("10.1.2.3", client("10.1.2.3", List.of("localhost, example.com"), List.of()),
                "nothing usable: the peer");
        assertEquals("203.0.113.7", client("10.1.2.3", List.of("203.0.113.7:80"), List.of()), "a port is dropped");
    }

    @Test
    void rangesMatchByPrefix() {
        TrustedProxies ranges = TrustedProxies.of(List.of("172.16.0.0/12", "2001:db8:1::/48", "192.168.1.7/32"));
        assertTrue(ranges.trusts("172.31.255.255"));
        assertFalse(ranges.trusts("172.32.0.0"));
        assertTrue(ranges.trusts("2001:db8:1:ffff::1"));
        assertFalse(ranges.trusts("2001:db8:2::1"));
        assertTrue(ranges.trusts("192.168.1.7"));
        assertFalse(ranges.trusts("192.168.1.8"));
        assertFalse(ranges.trusts("not-an-address"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "fd00::/129", "10.0.0.0/x", "example.com", "10.0.0", ""})
    void aTrustedProxyThatIsNotAnAddressOrRangeIsRefusedAtStart(String configured) {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of(configured)));
    }
}
