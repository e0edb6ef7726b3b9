package io.openlearn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChartConfigKeysTest {

    /** Read by the image's launcher script (run-java.sh), not by the service's configuration. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("JAVA_OPTS_APPEND");

    /**
     * Needed in a cluster although the code has a default or treats them as optional: the defaults point at
     * 127.0.0.1, and without a client every service-to-service call and the revocation feed fail.
     */
    static final List<String> CLUSTER_KEYS = List.of("openlearn.auth.url", "openlearn.service-token.idp-token-url",
            "openlearn.service-token.client-id", "openlearn.service-token.client-secret");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void everyVariableTheChartSetsNamesAKeyTheServiceReads(String combination) {
        List<String> unread = new ArrayList<>();
        for (JsonNode deployment : Chart.render(combination).ofKind("Deployment")) {
            ServiceConfig config = ServiceConfig.of(Workloads.service(deployment));
            for (String variable : Workloads.env(Workloads.containers(deployment).get(0)).keySet()) {
                if (!LAUNCHER_VARIABLES.contains(variable) && !config.reads(variable)) {
                    unread.add(Chart.Rendered.name(deployment) + " " + variable);
                }
            }
        }
        assertEquals(List.of(), unread);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void everyKeyAServiceNeedsWithoutADefaultIsSet(String combination) {
        List<String> missing = new ArrayList<>();
        for (JsonNode deployment : Chart.render(combination).ofKind("Deployment")) {
            ServiceConfig config = ServiceConfig.of(Workloads.service(deployment));
            Map<String, String> env = Workloads.env(Workloads.containers(deployment).get(0));
            Set<String> needed = new TreeSet<>(config.requiredKeys());
            needed.addAll(CLUSTER_KEYS);
            for (String key : needed) {
                if (!env.containsKey(ServiceConfig.envName(key))) {
                    missing.add(Chart.Rendered.name(deployment) + " " + key);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void keyReaderFindsPropertiesReferencesMappingsAndLibraryKeys() {
        ServiceConfig auth = ServiceConfig.of("auth");
        assertTrue(auth.reads("AUTH_KEYS_ENCRYPTION_KEY"), "nested @ConfigMapping interface");
        assertTrue(auth.reads("AUTH_TRUSTED_ISSUERS_KEYCLOAK_JWKS_URL"), "map of nested interfaces, any name");
        assertTrue(auth.reads("OPENLEARN_DB_HOST"), "a ${...} reference in application.properties");
        assertTrue(auth.reads("OPENLEARN_RABBITMQ_USERNAME"), "platform-outbox's mapping");
        assertTrue(auth.reads("SMALLRYE_JWT_JWKS_REFRESH_INTERVAL"), "platform-kit's microprofile-config.properties");
        assertFalse(auth.reads("AUTH_KEYS_ENCRYPTION_KEYS"));
        assertFalse(auth.reads("GATEWAY_UPSTREAM_AUTH"));
        assertFalse(ServiceConfig.of("grades").reads("OPENLEARN_RABBITMQ_USERNAME"), "grades has no outbox");
    }

    @Test
    void requiredKeysAreThoseWithValuesOnlyInDevAndTestOrNoDefault() {
        assertEquals(Set.of("auth.keys.encryption-key", "quarkus.datasource.password", "openlearn.rabbitmq.username",
                "openlearn.rabbitmq.password"), ServiceConfig.of("auth").requiredKeys());
        assertEquals(Set.of("quarkus.datasource.password", "grades-worker.rabbitmq.username",
                "grades-worker.rabbitmq.password"), ServiceConfig.of("grades-worker").requiredKeys());
        assertEquals(Set.of(), ServiceConfig.of("gateway").requiredKeys());
    }
}
