package io.openlearn.gateway.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The proxies in front of the gateway (an ingress) whose X-Forwarded-For or RFC 7239 Forwarded may name the client.
 * Each proxy appends the address it received the request from, so only the right end of the list is believed: the
 * client is the right-most address that is not itself a trusted proxy; whatever a caller wrote further left is
 * ignored. From any other peer the headers are ignored, and with no trusted proxies they are never read.
 */
public final class TrustedProxies {

    private final List<AddressRange> ranges;

    private TrustedProxies(List<AddressRange> ranges) {
        this.ranges = ranges;
    }

    /** Addresses ({@code 10.1.2.3}, {@code ::1}) and ranges ({@code 10.0.0.0/8}, {@code fc00::/7}). */
    public static TrustedProxies of(List<String> configured) {
        return new TrustedProxies(configured.stream().map(AddressRange::parse).toList());
    }

    /** True when no proxy is trusted: the peer is the client and the headers are not even looked at. */
    public boolean none() {
        return ranges.isEmpty();
    }

    public boolean trusts(String address) {
        byte[] bytes = IpLiteral.parse(address);
        return bytes != null && trusts(bytes);
    }

    private boolean trusts(byte[] address) {
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client behind {@code peer}: the peer itself unless it is trusted; else the right-most address of
     * X-Forwarded-For (or, without one, of Forwarded's {@code for=}) that is not a trusted proxy, skipping entries
     * that are not IP addresses ({@code unknown}, obfuscated names, garbage). When every address is a trusted proxy,
     * the left-most of them; when none is usable, the peer.
     */
    public String clientAddress(String peer, List<String> xForwardedFor, List<String> forwarded) {
        if (ranges.isEmpty() || !trusts(peer)) {
            return peer;
        }
        boolean xff = !xForwardedFor.isEmpty();
        List<String> lines = xff ? xForwardedFor : forwarded;
        String leftMostTrusted = null;
        for (int line = lines.size() - 1; line >= 0; line--) {
            String[] entries = lines.get(line).split(",");
            for (int i = entries.length - 1; i >= 0; i--) {
                String candidate = xff ? entries[i].strip() : forwardedFor(entries[i]);
                byte[] address = candidate == null ? null : IpLiteral.parse(IpLiteral.withoutPort(candidate));
                if (address == null) {
                    continue;
                }
                if (!trusts(address)) {
                    return IpLiteral.format(address);
                }
                leftMostTrusted = IpLiteral.format(address);
            }
        }
        return leftMostTrusted != null ? leftMostTrusted : IpLiteral.canonical(peer);
    }

    /** The {@code for=} of one Forwarded element ({@code for=192.0.2.1;proto=https}), unquoted; null if none. */
    private static String forwardedFor(String element) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && "for".equalsIgnoreCase(pair.substring(0, equals).strip())) {
                String value = pair.substring(equals + 1).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    /** A network: the first {@code prefix} bits of {@code network}. */
    record AddressRange(byte[] network, int prefix) {

        static AddressRange parse(String configured) {
            String text = configured.strip();
            int slash = text.indexOf('/');
            byte[] network = IpLiteral.parse(slash < 0 ? text : text.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("gateway.trusted-proxies: " + configured
                        + " is not an IP address or range");
            }
            int bits = network.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("gateway.trusted-proxies: " + configured
                            + " has a prefix outside 0-" + bits);
                }
            }
            return new AddressRange(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest);
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    /** IP literals without name lookups: a caller's header must never make the gateway ask DNS. */
    static final class IpLiteral {

        private IpLiteral() {
        }

        /** 4 bytes for IPv4 (an IPv4-mapped IPv6 address included), 16 for IPv6; null for anything else. */
        static byte[] parse(String text) {
            if (text == null || text.isEmpty() || text.charAt(0) == '.') {
                // InetAddress would look up a name that does not start with a hex digit or a colon
                return null;
            }
            if (text.indexOf(':') < 0) {
                return ipv4(text);
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                    return null;
                }
            }
            try {
                // only hex digits, ':' and '.' with a colon: InetAddress parses it as a literal, never resolves it
                return InetAddress.getByName(text).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }

        /** Strict dotted quad: four decimal parts 0-255 without leading zeros. */
        private static byte[] ipv4(String text) {
            byte[] bytes = new byte[4];
            int part = 0;
            int value = -1;
            int digits = 0;
            for (int i = 0; i <= text.length(); i++) {
                char c = i < text.length() ? text.charAt(i) : '.';
                if (c == '.') {
                    if (value < 0 || part > 3) {
                        return null;
                    }
                    bytes[part++] = (byte) value;
                    value = -1;
                    digits = 0;
                } else if (c >= '0' && c <= '9') {
                    if (digits > 0 && value == 0) {
                        return null;
                    }
                    value = (value < 0 ? 0 : value * 10) + (c - '0');
                    if (++digits > 3 || value > 255) {
                        return null;
                    }
                } else {
                    return null;
                }
            }
            return part == 4 ? bytes : null;
        }

        /** {@code 192.0.2.1:4711} and {@code [2001:db8::1]:4711} without their port, {@code [2001:db8::1]} bare. */
        static String withoutPort(String text) {
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                return close < 0 ? null : text.substring(1, close);
            }
            int colon = text.indexOf(':');
            return colon >= 0 && colon == text.lastIndexOf(':') ? text.substring(0, colon) : text;
        }

        static String format(byte[] address) {
            try {
                return InetAddress.getByAddress(address).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The peer as the gateway writes client addresses (IPv4-mapped IPv6 as IPv4). */
        static String canonical(String peer) {
            byte[] bytes = parse(peer);
            return bytes == null ? peer : format(bytes);
        }
    }
}
