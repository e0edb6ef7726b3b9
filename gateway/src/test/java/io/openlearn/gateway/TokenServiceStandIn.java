package io.openlearn.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * auth's token endpoint as the gateway's exchange sees it: it exchanges an identity-provider token whose username
 * starts with {@code good-} for a platform token, refuses one starting with {@code refused-} (400 invalid_grant, as
 * auth does) and fails with 500 on any other, counting every exchange that reached it.
 */
public class TokenServiceStandIn implements QuarkusTestResourceLifecycleManager {

    static final AtomicInteger EXCHANGES = new AtomicInteger();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/auth/v1/token", TokenServiceStandIn::exchange);
        server.start();
        return Map.of("gateway.exchange.token-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/api/auth/v1/token");
    }

    private static void exchange(HttpExchange exchange) throws IOException {
        EXCHANGES.incrementAndGet();
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String username = usernameOf(form);
        if (username.startsWith("good-")) {
            String platform = TestTokens.user(username).sign();
            answer(exchange, 200, "{\"access_token\":\"" + platform + "\",\"expires_in\":300,"
                    + "\"token_type\":\"Bearer\"}");
        } else if (username.startsWith("refused-")) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"refused\"}");
        } else {
            answer(exchange, 500, "{\"status\":500}");
        }
    }

    /** The identity-provider token's {@code preferred_username}, read without checking: the stand-in only routes on it. */
    private static String usernameOf(String form) {
        for (String pair : form.split("&")) {
            if (pair.startsWith("subject_token=")) {
                String token = URLDecoder.decode(pair.substring("subject_token=".length()), StandardCharsets.UTF_8);
                String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                        StandardCharsets.UTF_8);
                int at = payload.indexOf("\"preferred_username\":\"") + "\"preferred_username\":\"".length();
                return payload.substring(at, payload.indexOf('"', at));
            }
        }
        return "";
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
