package io.openlearn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ComposeFileTest {

    private static final Set<String> INFRASTRUCTURE = Set.of("postgres", "rabbitmq", "mongodb", "minio", "keycloak");
    private final Compose compose = Compose.load();

    @Test
    void runsEveryServiceTheGatewayAndTheInfrastructure() {
        Set<String> expected = new TreeSet<>(Services.ALL);
        expected.addAll(INFRASTRUCTURE);
        assertTrue(compose.services().keySet().containsAll(expected),
                () -> "missing: " + difference(expected, compose.services().keySet()));
    }

    @Test
    void everyServiceIsBuiltFromItsModuleWithItsDockerfile() {
        for (String service : Services.ALL) {
            @SuppressWarnings("unchecked")
            Map<String, String> build = (Map<String, String>) compose.service(service).get("build");
            Path context = Repo.COMPOSE_DIR.resolve(build.get("context")).normalize();
            assertEquals(Services.module(service), context, service);
            assertTrue(Files.isRegularFile(context.resolve(build.get("dockerfile"))), service + " Dockerfile");
            assertTrue(String.valueOf(compose.service(service).get("image")).startsWith("openlearn/" + service + ":"));
        }
    }

    @Test
    void everyDependencyExistsAndItsConditionCanBeMet() {
        var services = compose.services();
        for (var service : services.entrySet()) {
            for (var dependency : Compose.dependsOn(service.getValue()).entrySet()) {
                String where = service.getKey() + " -> " + dependency.getKey();
                Map<String, Object> target = services.get(dependency.getKey());
                assertTrue(target != null, where + ": no such service");
                switch (String.valueOf(dependency.getValue().get("condition"))) {
                    case "service_healthy" -> assertTrue(target.containsKey("healthcheck"), where + ": no healthcheck");
                    case "service_completed_successfully" -> assertEquals("no", target.get("restart"), where);
                    default -> throw new AssertionError(where + ": condition " + dependency.getValue());
                }
            }
        }
    }

    @Test
    void everyLongRunningContainerHasAHealthCheck() {
        compose.services().forEach((name, service) -> {
            if (!"no".equals(service.get("restart"))) {
                assertTrue(service.containsKey("healthcheck"), name);
            }
        });
    }

    @Test
    void servicesProbeTheirOwnPortsReadinessAndTheGatewayWaitsForEveryApi() {
        for (String service : Services.ALL) {
            String probe = String.valueOf(compose.service(service).get("healthcheck"));
            // the gateway's health is on its management interface, not its public port
            int port = "gateway".equals(service)
                    ? Integer.parseInt(Services.property(service, "gateway.management-port")) : Services.port(service);
            assertTrue(probe.contains("/tcp/127.0.0.1/" + port + " "), service + ": " + probe);
            assertTrue(probe.contains("/q/health/ready"), service);
        }
        Set<String> apis = new TreeSet<>(Services.ALL);
        apis.removeAll(Set.of("gateway", "grades-worker"));
        assertEquals(apis, Compose.dependsOn(compose.service("gateway")).keySet());
    }

    @Test
    void publishedHostPortsAreDistinctAndTheGatewayIsPublishedOnItsPort() {
        Map<String, String> owners = new HashMap<>();
        compose.services().forEach((name, service) -> {
            for (String mapping : Compose.list(service, "ports")) {
                String[] hostAndContainer = Compose.withDefaults(mapping).split(":");
                String previous = owners.put(hostAndContainer[0], name);
                assertTrue(previous == null, "host port " + hostAndContainer[0] + " of " + name + " and " + previous);
            }
        });
        assertEquals(List.of("${GATEWAY_PORT:-8080}:" + Services.port("gateway")),
                Compose.list(compose.service("gateway"), "ports"));
    }

    @Test
    void presignedUrlsNameAHostPortWhereMinioAnswers() {
        Map<String, Map<String, String>> environments = new HashMap<>();
        compose.services().forEach((name, service) -> environments.put(name, Compose.environment(service)));
        List<String> published = Compose.list(compose.service("minio"), "ports").stream().map(Compose::withDefaults)
                .toList();
        int checked = 0;
        for (var environment : environments.entrySet()) {
            for (var variable : environment.getValue().entrySet()) {
                if (variable.getKey().endsWith("S3_PUBLIC_ENDPOINT")) {
                    String hostPort =
                            Compose.withDefaults(variable.getValue()).replaceFirst("^https?://localhost:", "");
                    assertTrue(published.contains(hostPort + ":9000"), environment.getKey() + " " + variable.getKey()
                            + " names port " + hostPort + ", MinIO publishes " + published);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 2, "content-repository's and grades' public endpoints");
    }

    @Test
    void everyVariableHasADefaultOrIsInEnvExampleAndEnvExampleHasNoStrays() {
        assertEquals(Set.of(), difference(Compose.variablesWithoutDefault(), Compose.variablesInEnvExample()),
                "used without default and missing from .env.example");
        assertEquals(Set.of(), difference(Compose.variablesInEnvExample(), Compose.variablesUsed()),
                ".env.example entries compose never reads");
    }

    @Test
    void everyMountedFileExists() {
        compose.services().forEach((name, service) -> {
            for (String volume : Compose.list(service, "volumes")) {
                String source = volume.split(":")[0];
                if (source.startsWith(".")) {
                    assertTrue(Files.exists(Repo.COMPOSE_DIR.resolve(source)), name + " mounts " + source);
                }
            }
        });
    }

    @Test
    void infrastructureImagesArePinnedToAVersion() {
        compose.services().forEach((name, service) -> {
            if (!service.containsKey("build")) {
                String image = Compose.withDefaults(String.valueOf(service.get("image")));
                String tag = image.substring(image.lastIndexOf(':') + 1);
                assertFalse(image.lastIndexOf(':') < 0 || tag.equals("latest") || tag.contains("/"),
                        name + ": " + image);
            }
        });
    }

    @Test
    void everyVariableAServiceGetsNamesAKeyItReadsAndNoNeededKeyIsMissing() {
        List<String> problems = new ArrayList<>();
        for (String service : Services.ALL) {
            ServiceConfig config = ServiceConfig.of(service);
            Set<String> variables = Compose.environment(compose.service(service)).keySet();
            config.unread(variables).forEach(v -> problems.add(service + " sets unread " + v));
            config.unset(variables).forEach(k -> problems.add(service + " lacks " + k));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void keycloakImportsTheRepositoryRealm() {
        List<String> volumes = Compose.list(compose.service("keycloak"), "volumes");
        assertTrue(volumes.contains("../keycloak/openedx-realm.json:/opt/keycloak/data/import/openedx-realm.json:ro"));
        assertTrue(String.valueOf(compose.service("keycloak").get("command")).contains("--import-realm"));
    }

    @Test
    void mongodbRunsAsAReplicaSetTheContentServiceNames() {
        assertTrue(String.valueOf(compose.service("mongodb").get("command")).contains("--replSet, rs0"));
        assertTrue(Compose.environment(compose.service("content-repository")).get("OPENLEARN_MONGO_URL")
                .endsWith("replicaSet=rs0"));
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
