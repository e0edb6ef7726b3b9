package io.openlearn.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * HTTP/1.1 written byte for byte on a socket: request lines that HTTP clients would tidy up (a lowercase method,
 * {@code //}, dot segments, {@code ;} parameters), chunked bodies of a chosen size, and callers that hang up.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    static int gatewayPort() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    static RawHttp connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", gatewayPort());
        socket.setSoTimeout(20_000);
        return new RawHttp(socket);
    }

    /** A whole request (head, then body) on a connection of its own, and the answer read until the gateway closes. */
    static Response exchange(String method, String target, String token, byte[] body) throws IOException {
        try (RawHttp http = connect()) {
            http.head(method, target, token, "Content-Length: " + body.length);
            http.out().write(body);
            http.out().flush();
            return http.response();
        }
    }

    static Response exchange(String method, String target, String token) throws IOException {
        return exchange(method, target, token, new byte[0]);
    }

    /** Writes the request line and headers ({@code Connection: close}, so the answer ends with the connection). */
    void head(String method, String target, String token, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        out().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out().flush();
    }

    /**
     * Sends {@code total} bytes as chunks of 64 KiB, then the last chunk. Returns false when the gateway stopped
     * reading first (it may cut a body it refuses).
     */
    boolean chunks(long total) {
        return send(total, true);
    }

    /** Sends {@code total} bytes as they are (after a Content-Length head); false when the gateway stopped reading. */
    boolean bytes(long total) {
        return send(total, false);
    }

    private boolean send(long total, boolean chunked) {
        byte[] piece = new byte[65_536];
        try {
            for (long sent = 0; sent < total; sent += piece.length) {
                int n = (int) Math.min(piece.length, total - sent);
                if (chunked) {
                    out().write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out().write(piece, 0, n);
                if (chunked) {
                    out().write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (chunked) {
                out().write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out().flush();
            return true;
        } catch (IOException cut) {
            return false;
        }
    }

    OutputStream out() throws IOException {
        return socket.getOutputStream();
    }

    /** Reads the answer until the gateway closes the connection. */
    Response response() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // a reset after the answer arrived still leaves the answer readable
            if (all.size() == 0) {
                throw reset;
            }
        }
        return Response.parse(all.toString(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Response(int status, List<String> headerLines, String body) {

        static Response parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("no complete answer: " + raw);
            }
            String[] lines = raw.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
            String body = raw.substring(end + 4);
            if (headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding: chunked"))) {
                body = dechunk(body);
            }
            return new Response(status, headers, body);
        }

        /** The value of the first header of that name, or null. */
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).findFirst().orElse(null);
        }

        private static String dechunk(String body) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (at < body.length()) {
                int eol = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, eol).strip(), 16);
                if (size == 0) {
                    break;
                }
                out.append(body, eol + 2, eol + 2 + size);
                at = eol + 2 + size + 2;
            }
            return out.toString();
        }
    }
}
