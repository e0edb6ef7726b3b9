package io.openlearn.gateway.proxy;

import java.util.ArrayList;
import java.util.List;

/**
 * The one spelling of a request path the gateway routes, rate-limits and forwards: without {@code ;} path
 * parameters, empty segments (duplicate or trailing slashes) and dot segments, with percent-encoded unreserved
 * characters decoded and every other percent-encoding in upper case (RFC 3986 sections 6.2.2 and 5.2.4). Reserved
 * characters stay encoded: {@code %2F} is part of its segment, not a separator. Because the upstream gets this path
 * and nothing else, no spelling can be classified as one operation and executed as another.
 */
public final class CanonicalPath {

    /** The answer to a path without a canonical form. */
    public static final String MALFORMED = "The request path is not a valid URI path: a % must be followed by two "
            + "hexadecimal digits.";

    private CanonicalPath() {
    }

    /**
     * The canonical form of a raw path; the very same string when it already is one (the common case costs one scan
     * and no allocation). Null when a {@code %} is not followed by two hexadecimal digits.
     */
    public static String of(String raw) {
        if (raw == null) {
            return null;
        }
        if (isCanonical(raw)) {
            return raw;
        }
        List<String> segments = new ArrayList<>();
        int start = 1;
        while (start <= raw.length()) {
            int end = raw.indexOf('/', start);
            if (end < 0) {
                end = raw.length();
            }
            String segment = segment(raw, start, end);
            if (segment == null) {
                return null;
            }
            if ("..".equals(segment)) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!segment.isEmpty() && !".".equals(segment)) {
                segments.add(segment);
            }
            start = end + 1;
        }
        String canonical = segments.isEmpty() ? "/" : "/" + String.join("/", segments);
        // the raw string itself when nothing changed (an encoded reserved character): callers compare by identity
        return canonical.equals(raw) ? raw : canonical;
    }

    /**
     * True when nothing would change: no {@code ;}, {@code %}, empty segment, trailing slash or segment starting with
     * a dot (a {@code .hidden} segment sends a path the slow way, which then keeps it). A path that does not start
     * with a slash (an asterisk-form {@code OPTIONS *}) is left as it is.
     */
    private static boolean isCanonical(String raw) {
        int length = raw.length();
        if (length == 0 || raw.charAt(0) != '/') {
            return length > 0;
        }
        // String.indexOf is vectorised by the JIT: four of them beat one loop comparing every character
        return (length == 1 || raw.charAt(length - 1) != '/') && raw.indexOf(';') < 0 && raw.indexOf('%') < 0
                && raw.indexOf("//") < 0 && raw.indexOf("/.") < 0;
    }

    /** One segment without its parameters, percent-encodings normalized; null when one is malformed. */
    private static String segment(String raw, int start, int end) {
        int parameters = raw.indexOf(';', start);
        if (parameters >= 0 && parameters < end) {
            end = parameters;
        }
        StringBuilder out = null;
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (i + 2 >= end) {
                return null;
            }
            int high = Character.digit(raw.charAt(i + 1), 16);
            int low = Character.digit(raw.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            if (out == null) {
                out = new StringBuilder(end - start).append(raw, start, i);
            }
            char decoded = (char) (high * 16 + low);
            if (unreserved(decoded)) {
                out.append(decoded);
            } else {
                out.append('%').append(Character.toUpperCase(raw.charAt(i + 1)))
                        .append(Character.toUpperCase(raw.charAt(i + 2)));
            }
            i += 2;
        }
        return out == null ? raw.substring(start, end) : out.toString();
    }

    /** RFC 3986 section 2.3: letters, digits, {@code -._~}; an encoding of one of these means the character itself. */
    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
