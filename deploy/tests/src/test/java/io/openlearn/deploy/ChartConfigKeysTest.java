package io.openlearn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChartConfigKeysTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void everyVariableTheChartSetsNamesAKeyTheServiceReads(String combination) {
        assertEquals(List.of(), problems(combination, ServiceConfig::unread));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void everyKeyAServiceNeedsWithoutADefaultIsSet(String combination) {
        assertEquals(List.of(), problems(combination, ServiceConfig::unset));
    }

    /** What the check finds wrong with each Deployment's variables, prefixed by the Deployment's name. */
    private static List<String> problems(String combination,
            BiFunction<ServiceConfig, Set<String>, List<String>> check) {
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : Chart.render(combination).ofKind("Deployment")) {
            ServiceConfig config = ServiceConfig.of(Workloads.service(deployment));
            Set<String> variables = Workloads.env(Workloads.containers(deployment).get(0)).keySet();
            check.apply(config, variables).forEach(p -> problems.add(Chart.Rendered.name(deployment) + " " + p));
        }
        return problems;
    }

    @Test
    void keyReaderFindsPropertiesReferencesMappingsAndLibraryKeys() {
        ServiceConfig auth = ServiceConfig.of("auth");
        assertTrue(auth.reads("AUTH_KEYS_ENCRYPTION_KEY"), "nested @ConfigMapping interface");
        assertTrue(auth.reads("AUTH_TRUSTED_ISSUERS_KEYCLOAK_JWKS_URL"), "map of nested interfaces, any name");
        assertTrue(auth.reads("OPENLEARN_DB_HOST"), "a ${...} reference in application.properties");
        assertTrue(auth.reads("OPENLEARN_RABBITMQ_USERNAME"), "platform-broker's mapping (through platform-outbox)");
        assertTrue(auth.reads("SMALLRYE_JWT_JWKS_REFRESH_INTERVAL"), "platform-kit's microprofile-config.properties");
        assertFalse(auth.reads("AUTH_KEYS_ENCRYPTION_KEYS"));
        assertFalse(auth.reads("GATEWAY_UPSTREAM_AUTH"));
        assertTrue(ServiceConfig.of("grades").reads("OPENLEARN_RABBITMQ_USERNAME"), "the outbox through grades-core");
        assertTrue(ServiceConfig.of("grades-worker").reads("OPENLEARN_GRADING_REPORTS_S3_BUCKET"),
                "grades-core's mapping, a nested interface extending platform-s3's S3Settings");
        assertFalse(ServiceConfig.of("enrollment").reads("OPENLEARN_GRADING_CONTENT_URL"));
    }

    @Test
    void requiredKeysAreThoseWithValuesOnlyInDevAndTestOrNoDefault() {
        assertEquals(Set.of("auth.keys.encryption-key", "quarkus.datasource.password", "openlearn.rabbitmq.username",
                "openlearn.rabbitmq.password"), ServiceConfig.of("auth").requiredKeys());
        assertEquals(
                Set.of("quarkus.datasource.password", "openlearn.rabbitmq.username", "openlearn.rabbitmq.password"),
                ServiceConfig.of("grades-worker").requiredKeys());
        assertEquals(Set.of(), ServiceConfig.of("gateway").requiredKeys());
        // the endpoint and keys have dev values but are Optional in the mapping: AWS needs neither
        assertEquals(Set.of("openlearn.rabbitmq.username", "openlearn.rabbitmq.password"),
                ServiceConfig.of("content-repository").requiredKeys());
    }
}
