package io.openlearn.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An upstream that reports what reached it (method, path, headers, a digest of the body), so tests can see exactly
 * what the gateway forwards. Stands in for a service's HTTP side only; the real services are exercised by the
 * end-to-end journeys.
 */
public class EchoUpstream implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                sleep(3_000);
            }
            String headers = exchange.getRequestHeaders().entrySet().stream()
                    .map(e -> quote(e.getKey().toLowerCase()) + ":" + quote(String.join(",", e.getValue())))
                    .collect(Collectors.joining(","));
            String json = "{\"method\":" + quote(exchange.getRequestMethod())
                    + ",\"uri\":" + quote(exchange.getRequestURI().toString())
                    + ",\"bodyLength\":" + body.length
                    + ",\"bodySha256\":" + quote(sha256(body))
                    + ",\"headers\":{" + headers + "}}";
            byte[] out = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Upstream", "echo");
            exchange.sendResponseHeaders(200, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("gateway.upstream.enrollment", url,
                "gateway.upstream.auth", url,
                // nothing listens on port 1: a dead upstream
                "gateway.upstream.grades", "http://127.0.0.1:1",
                "gateway.upstream-timeout", "1S");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
