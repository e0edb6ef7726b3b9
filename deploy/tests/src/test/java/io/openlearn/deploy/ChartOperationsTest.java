package io.openlearn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What running the chart's pods takes: memory that fits, shutdown, spreading, images, logs, metrics, limits. */
class ChartOperationsTest {

    private static final long MIB = 1024 * 1024;
    /** Thread stacks the budget allows for: the busiest service ran 51 threads (docs/operations.md, "Memory"). */
    private static final int THREADS = 64;
    /** Native memory beside the capped pools: GC structures, symbol tables, malloc arenas, the launcher. */
    private static final long OTHER_NATIVE = 32 * MIB;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void everyJvmFitsItsContainersMemoryLimit(String combination) {
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : Chart.render(combination).ofKind("Deployment")) {
            JsonNode container = Workloads.containers(deployment).get(0);
            long limit = quantity(container.at("/resources/limits/memory").asText());
            String options = Workloads.env(container).get("JAVA_OPTS_APPEND");
            JvmBudget budget = JvmBudget.of(options, limit);
            if (budget.total() > limit) {
                problems.add(Chart.Rendered.name(deployment) + ": " + budget + " > limit " + limit / MIB + "Mi");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theBudgetReadsTheFlagsAsTheJvmDoes() {
        JvmBudget percent = JvmBudget.of("-XX:MaxRAMPercentage=40 -XX:MaxMetaspaceSize=128m "
                + "-XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=64m -Xss512k", 512 * MIB);
        // 40 % of 512 = 204.8 + 128 + 48 + 64 + 64 x 0.5 + 32 = 508.8 MiB
        assertEquals(Math.round(508.8 * MIB), percent.total(), 1);
        JvmBudget fixed = JvmBudget.of("-Xmx112m -XX:MaxMetaspaceSize=112m -XX:ReservedCodeCacheSize=32m "
                + "-XX:MaxDirectMemorySize=32m -Xss512k", 384 * MIB);
        assertEquals(352 * MIB, fixed.total());
        // without caps: a quarter of the limit for the heap, the direct pool as large as the heap, 240 MiB of code
        // cache, 1 MiB stacks and an unbounded metaspace, which no limit fits
        assertEquals(Long.MAX_VALUE, JvmBudget.of("", 512 * MIB).total());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void podsStopAfterTheirEndpointsAreGoneAndDrainWithinTheGracePeriod(String combination) {
        for (JsonNode deployment : Chart.render(combination).ofKind("Deployment")) {
            String where = Chart.Rendered.name(deployment);
            JsonNode container = Workloads.containers(deployment).get(0);
            assertEquals("[\"sleep\",\"5\"]", container.at("/lifecycle/preStop/exec/command").toString(), where);
            assertEquals("20s", Workloads.env(container).get("QUARKUS_SHUTDOWN_TIMEOUT"), where);
            assertEquals(35, Workloads.podSpec(deployment).path("terminationGracePeriodSeconds").asInt(), where);
        }
    }

    @Test
    void replicasSpreadOverNodesAndZonesUnlessTheOperatorSaysOtherwise() {
        JsonNode submission = Chart.render("defaults").byName("Deployment").get("ol-submission");
        JsonNode constraints = Workloads.podSpec(submission).path("topologySpreadConstraints");
        assertEquals(List.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"),
                constraints.findValuesAsText("topologyKey"));
        for (JsonNode constraint : constraints) {
            assertEquals("ScheduleAnyway", constraint.path("whenUnsatisfiable").asText());
            assertTrue(Workloads.selects(constraint.at("/labelSelector/matchLabels"), submission));
        }
        JsonNode own = Workloads.podSpec(Chart.render("defaults", Map.of(
                "topologySpreadConstraints[0].maxSkew", "2",
                "topologySpreadConstraints[0].topologyKey", "example.com/rack",
                "topologySpreadConstraints[0].whenUnsatisfiable", "DoNotSchedule")).byName("Deployment")
                .get("ol-submission")).path("topologySpreadConstraints");
        assertEquals(List.of("example.com/rack"), own.findValuesAsText("topologyKey"));
        assertTrue(Workloads.podSpec(Chart.render("defaults", Map.of("podSpread.enabled", "false"))
                .byName("Deployment").get("ol-submission")).path("topologySpreadConstraints").isMissingNode());
    }

    @Test
    void theGlobalRegistryWinsAndADigestPinsItsImage() {
        Map<String, String> images = Chart.render("production-like").ofKind("Deployment").stream()
                .collect(Collectors.toMap(Chart.Rendered::name,
                        d -> Workloads.containers(d).get(0).path("image").asText()));
        assertEquals("mirror.example.com/platform/openlearn/gateway:2026.12.0@sha256:"
                + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", images.get("ol-gateway"));
        assertTrue(images.get("ol-grades-worker-batch").endsWith(
                ":2026.12.0@sha256:60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"));
        assertEquals("mirror.example.com/platform/openlearn/auth:2026.12.0", images.get("ol-auth"));
        assertTrue(images.values().stream().allMatch(i -> i.startsWith("mirror.example.com/")), images.toString());
    }

    @Test
    void logsAreJsonInTheClusterUnlessSwitchedOff() {
        for (JsonNode deployment : Chart.render("defaults").ofKind("Deployment")) {
            assertEquals("true", Workloads.env(Workloads.containers(deployment).get(0))
                    .get("QUARKUS_LOG_CONSOLE_JSON_ENABLED"), Chart.Rendered.name(deployment));
        }
        JsonNode auth = Chart.render("defaults", Map.of("logging.json", "false")).byName("Deployment").get("ol-auth");
        assertEquals("false", Workloads.env(Workloads.containers(auth).get(0)).get("QUARKUS_LOG_CONSOLE_JSON_ENABLED"));
    }

    @Test
    void everyProcessSendsSpansToTheCollectorOnlyWhenOneIsConfigured() {
        for (JsonNode deployment : Chart.render("production-like").ofKind("Deployment")) {
            Map<String, String> env = Workloads.env(Workloads.containers(deployment).get(0));
            String where = Chart.Rendered.name(deployment);
            assertEquals("false", env.get("QUARKUS_OTEL_SDK_DISABLED"), where);
            assertEquals("http://otel-collector.observability:4317",
                    env.get("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"), where);
            assertEquals("0.1", env.get("QUARKUS_OTEL_TRACES_SAMPLER_ARG"), where);
        }
        for (JsonNode deployment : Chart.render("defaults").ofKind("Deployment")) {
            assertFalse(Workloads.env(Workloads.containers(deployment).get(0)).containsKey(
                    "QUARKUS_OTEL_SDK_DISABLED"), "tracing stays off (platform-kit's default)");
        }
    }

    @Test
    void databaseAndBrokerConnectionsUseTlsWithTheOperatorsCertificates() {
        for (JsonNode deployment : Chart.render("production-like").ofKind("Deployment")) {
            String where = Chart.Rendered.name(deployment);
            Map<String, String> env = Workloads.env(Workloads.containers(deployment).get(0));
            String mounts = Workloads.containers(deployment).get(0).path("volumeMounts").toString();
            String volumes = Workloads.podSpec(deployment).path("volumes").toString();
            if (env.containsKey("OPENLEARN_DB_HOST")) {
                assertEquals("verify-full", env.get("OPENLEARN_DB_SSL_MODE"), where);
                assertEquals("/etc/openlearn/tls/postgresql/ca.crt", env.get("OPENLEARN_DB_SSL_ROOT_CERT"), where);
                assertTrue(mounts.contains("/etc/openlearn/tls/postgresql") && volumes.contains("rds-ca"), where);
            }
            if (env.containsKey("OPENLEARN_RABBITMQ_HOST")) {
                assertEquals("true", env.get("OPENLEARN_RABBITMQ_TLS_ENABLED"), where);
                assertEquals("/etc/openlearn/tls/rabbitmq/truststore.p12",
                        env.get("OPENLEARN_RABBITMQ_TLS_TRUST_STORE_PATH"), where);
                assertEquals("mq-truststore:password", env.get("OPENLEARN_RABBITMQ_TLS_TRUST_STORE_PASSWORD"), where);
                assertTrue(mounts.contains("/etc/openlearn/tls/rabbitmq") && volumes.contains("mq-truststore"), where);
            }
            if ("ol-gateway".equals(where)) {
                assertFalse(volumes.contains("rds-ca") || volumes.contains("mq-truststore"), "the gateway has neither");
            }
        }
        JsonNode auth = Chart.render("defaults").byName("Deployment").get("ol-auth");
        Map<String, String> env = Workloads.env(Workloads.containers(auth).get(0));
        assertEquals("prefer", env.get("OPENLEARN_DB_SSL_MODE"));
        assertFalse(env.containsKey("OPENLEARN_RABBITMQ_TLS_ENABLED"));
    }

    @Test
    void gatewayReplicasShareRateLimitsThroughTheRedisOfTheirSecret() {
        Map<String, JsonNode> deployments = Chart.render("production-like").byName("Deployment");
        assertEquals("openlearn-redis:url", Workloads.env(Workloads.containers(deployments.get("ol-gateway")).get(0))
                .get("GATEWAY_RATE_LIMIT_REDIS_URL"));
        assertFalse(Workloads.env(Workloads.containers(Chart.render("defaults").byName("Deployment")
                .get("ol-gateway")).get(0)).containsKey("GATEWAY_RATE_LIMIT_REDIS_URL"), "per replica by default");
    }

    @Test
    void aServiceMonitorScrapesEveryPodOnItsMetricsPort() {
        Chart.Rendered rendered = Chart.render("production-like");
        JsonNode monitor = rendered.ofKind("ServiceMonitor").get(0);
        assertEquals("kube-prometheus-stack", monitor.at("/metadata/labels/release").asText());
        assertEquals("/q/metrics", monitor.at("/spec/endpoints/0/path").asText());
        String port = monitor.at("/spec/endpoints/0/port").asText();
        Set<String> scraped = rendered.ofKind("Service").stream()
                .filter(s -> Workloads.selects(monitor.at("/spec/selector/matchLabels"), asPod(s)))
                .flatMap(s -> rendered.ofKind("Deployment").stream()
                        .filter(d -> Workloads.selects(s.at("/spec/selector"), d))
                        .peek(d -> assertEquals(metricsPortName(d), targetPort(s, port), Chart.Rendered.name(s))))
                .map(Chart.Rendered::name).collect(Collectors.toSet());
        assertEquals(rendered.byName("Deployment").keySet(), scraped);
        assertTrue(Chart.render("defaults").ofKind("ServiceMonitor").isEmpty());
    }

    /** A Service's labels where {@link Workloads#selects} looks for a pod's. */
    private static JsonNode asPod(JsonNode service) {
        var pod = Yaml.JSON.createObjectNode();
        pod.putObject("spec").putObject("template").putObject("metadata").set("labels",
                service.at("/metadata/labels"));
        return pod;
    }

    private static String metricsPortName(JsonNode deployment) {
        JsonNode ports = Workloads.containers(deployment).get(0).path("ports");
        return ports.findValuesAsText("name").contains("management") ? "management" : "http";
    }

    private static String targetPort(JsonNode service, String name) {
        for (JsonNode port : service.at("/spec/ports")) {
            if (name.equals(port.path("name").asText())) {
                return port.path("targetPort").asText();
            }
        }
        return "";
    }

    /** Kubernetes' memory quantities as the chart uses them: a number with Ki, Mi, Gi or none. */
    static long quantity(String value) {
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi)?").matcher(value);
        if (!m.matches()) {
            throw new AssertionError("unexpected memory quantity " + value);
        }
        long number = Long.parseLong(m.group(1));
        return m.group(2) == null ? number : switch (m.group(2)) {
            case "Ki" -> number * 1024;
            case "Mi" -> number * MIB;
            default -> number * 1024 * MIB;
        };
    }

    /**
     * The most memory a JVM started with these options can take in a container of this limit: the heap, and every
     * pool beside it at its cap (an uncapped metaspace has none).
     */
    record JvmBudget(long heap, long metaspace, long codeCache, long direct, long stacks) {

        static JvmBudget of(String options, long limit) {
            long heap = size(options, "-Xmx").orElse((long) (limit * percent(options) / 100));
            long metaspace = size(options, "-XX:MaxMetaspaceSize=").orElse(Long.MAX_VALUE / 2);
            long code = size(options, "-XX:ReservedCodeCacheSize=").orElse(240 * MIB);
            long direct = size(options, "-XX:MaxDirectMemorySize=").orElse(heap);
            long stack = size(options, "-Xss").orElse(MIB);
            return new JvmBudget(heap, metaspace, code, direct, THREADS * stack);
        }

        long total() {
            if (metaspace >= Long.MAX_VALUE / 2) {
                return Long.MAX_VALUE;
            }
            return heap + metaspace + codeCache + direct + stacks + OTHER_NATIVE;
        }

        private static double percent(String options) {
            Matcher m = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(options);
            return m.find() ? Double.parseDouble(m.group(1)) : 25;
        }

        private static Optional<Long> size(String options, String flag) {
            Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(flag) + "(\\d+)([kKmMgG]?)").matcher(options);
            if (!m.find()) {
                return Optional.empty();
            }
            long number = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2).toLowerCase()) {
                case "k" -> number * 1024;
                case "m" -> number * MIB;
                case "g" -> number * 1024 * MIB;
                default -> number;
            });
        }

        @Override
        public String toString() {
            return "heap %d + metaspace %d + code cache %d + direct %d + stacks %d + native %d MiB".formatted(
                    heap / MIB, metaspace / MIB, codeCache / MIB, direct / MIB, stacks / MIB, OTHER_NATIVE / MIB);
        }
    }
}
