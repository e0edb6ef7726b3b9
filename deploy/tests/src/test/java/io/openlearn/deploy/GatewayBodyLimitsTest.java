package io.openlearn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway refuses a body at the edge exactly where the service behind the route would: a smaller limit at the
 * gateway would refuse uploads the service takes, a larger one would pass bodies the service then refuses by
 * closing the connection, which the gateway could only answer 502.
 */
class GatewayBodyLimitsTest {

    /** quarkus.http.limits.max-body-size when a service leaves it alone. */
    static final String QUARKUS_DEFAULT = "10M";

    @Test
    void everyRoutesLimitAtTheGatewayIsItsServicesOwn() {
        List<String> problems = new ArrayList<>();
        routes().forEach((route, service) -> {
            String gateway = gatewayLimit(route);
            String own = property(service, "quarkus.http.limits.max-body-size").orElse(QUARKUS_DEFAULT);
            if (bytes(gateway) != bytes(own)) {
                problems.add("/api/" + route + ": the gateway takes " + gateway + ", " + service + " takes " + own);
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyRouteOfTheChartIsAnUpstreamOfTheGateway() {
        List<String> missing = routes().keySet().stream()
                .filter(route -> property("gateway", "gateway.upstream." + route).isEmpty()).toList();
        assertEquals(List.of(), missing);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void noDeploymentChangesABodyLimitBehindTheChecksBack(String combination) {
        List<String> overrides = new ArrayList<>();
        for (JsonNode deployment : Chart.render(combination).ofKind("Deployment")) {
            Workloads.env(Workloads.containers(deployment).get(0)).keySet().stream()
                    .filter(v -> v.endsWith("BODY_SIZE"))
                    .forEach(v -> overrides.add(Chart.Rendered.name(deployment) + " " + v));
        }
        Compose compose = Compose.load();
        compose.services().forEach((name, service) -> Compose.environment(service).keySet().stream()
                .filter(v -> v.endsWith("BODY_SIZE")).forEach(v -> overrides.add("compose " + name + " " + v)));
        assertEquals(List.of(), overrides);
    }

    @Test
    void sizesReadAsQuarkusReadsThem() {
        assertEquals(10L * 1024 * 1024, bytes("10M"));
        assertEquals(2L * 1024 * 1024 * 1024, bytes("2G"));
        assertEquals(512L * 1024, bytes("512k"));
        assertEquals(1000, bytes("1000"));
    }

    /** Route name to service, as the chart wires them ({@code services.<key>.route} and {@code .name}). */
    static Map<String, String> routes() {
        Map<String, String> routes = new TreeMap<>();
        for (Iterator<JsonNode> it = Yaml.read(Repo.CHART.resolve("values.yaml")).path("services").elements(); it
                .hasNext();) {
            JsonNode service = it.next();
            if (service.hasNonNull("route")) {
                routes.put(service.path("route").asText(), service.path("name").asText());
            }
        }
        return routes;
    }

    private static String gatewayLimit(String route) {
        return property("gateway", "gateway.routes." + route + ".max-body-size")
                .orElseGet(() -> property("gateway", "gateway.max-body-size").orElse("10M"));
    }

    /** A key as application.properties sets it for every profile. */
    private static Optional<String> property(String service, String key) {
        return Files2.lines(Services.module(service).resolve("src/main/resources/application.properties")).stream()
                .filter(line -> line.startsWith(key + "="))
                .map(line -> line.substring(key.length() + 1).strip()).findFirst();
    }

    /** Quarkus' MemorySize: a number, optionally K, M, G or T (powers of 1024, either case). */
    static long bytes(String size) {
        String value = size.strip().toUpperCase();
        char unit = value.charAt(value.length() - 1);
        int power = "KMGT".indexOf(unit) + 1;
        long number = Long.parseLong(power == 0 ? value : value.substring(0, value.length() - 1));
        return number << (10 * power);
    }
}
