package io.openlearn.gateway.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API documentation at the front door: {@code /api/docs/openapi.json} (every service's contract merged, built
 * once at start from the contracts packaged with the gateway) and {@code /api/docs} (Swagger UI on it).
 */
@ApplicationScoped
public class ApiDocsRoutes {

    /** The contracts copied into the gateway at build, by service name. */
    static final List<String> SERVICES = List.of("auth", "authoring", "content", "enrollment", "submission",
            "grades");

    private final byte[] merged;

    public ApiDocsRoutes(ObjectMapper json) throws JsonProcessingException {
        Map<String, InputStream> contracts = new LinkedHashMap<>();
        for (String service : SERVICES) {
            InputStream stream = getClass().getClassLoader()
                    .getResourceAsStream("openlearn-contracts/" + service + ".openapi.yaml");
            if (stream != null) {
                contracts.put(service, stream);
            }
        }
        this.merged = json.writeValueAsBytes(MergedOpenApi.merge(contracts, json));
    }

    void register(@Observes Router router) {
        router.get("/api/docs/openapi.json").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache")
                .end(io.vertx.core.buffer.Buffer.buffer(merged)));
    }
}
