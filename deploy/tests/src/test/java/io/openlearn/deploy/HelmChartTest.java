package io.openlearn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HelmChartTest {

    private static final String PROBE_PREFIX = "/q/health/";

    @Test
    void chartPassesStrictLint() {
        LintResult lint = new Helm(Repo.CHART).lint().strict().call();
        assertFalse(lint.isFailed(), () -> String.join("\n", lint.getMessages()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void everyRenderedObjectMatchesItsKubernetesSchema(String combination) {
        Chart.Rendered rendered = Chart.render(combination);
        assertTrue(rendered.ofKind("Deployment").size() >= 9, "every service and both worker Deployments render");
        assertEquals(List.of(), KubernetesSchemas.problems(rendered.objects()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void everyDeploymentHasProbesOnQuarkusHealthAndRequestsAndLimits(String combination) {
        for (JsonNode deployment : Chart.render(combination).ofKind("Deployment")) {
            for (JsonNode container : Workloads.containers(deployment)) {
                String where = Chart.Rendered.name(deployment);
                assertEquals(PROBE_PREFIX + "started", container.at("/startupProbe/httpGet/path").asText(), where);
                assertEquals(PROBE_PREFIX + "live", container.at("/livenessProbe/httpGet/path").asText(), where);
                assertEquals(PROBE_PREFIX + "ready", container.at("/readinessProbe/httpGet/path").asText(), where);
                for (String amount : List.of("/requests/cpu", "/requests/memory", "/limits/cpu", "/limits/memory")) {
                    assertFalse(container.path("resources").at(amount).asText().isBlank(), where + " " + amount);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void everyPodRunsNonRootOnAReadOnlyFilesystemWithoutCapabilities(String combination) {
        for (JsonNode deployment : Chart.render(combination).ofKind("Deployment")) {
            String where = Chart.Rendered.name(deployment);
            JsonNode pod = Workloads.podSpec(deployment);
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), where);
            assertNotEquals(0, pod.at("/securityContext/runAsUser").asInt(0), where);
            assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText(), where);
            assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), where);
            for (JsonNode container : Workloads.containers(deployment)) {
                JsonNode security = container.path("securityContext");
                assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), where);
                assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), where);
                assertFalse(security.path("privileged").asBoolean(true), where);
                assertEquals("[\"ALL\"]", security.at("/capabilities/drop").toString(), where);
                assertTrue(security.at("/capabilities/add").isMissingNode(), where);
                assertTrue(mountsEmptyDirAtTmp(pod, container), where + ": /tmp must be a writable emptyDir");
            }
        }
    }

    @Test
    void gradesWorkerRunsOneDeploymentPerQueue() {
        var consumers = Chart.render("defaults").ofKind("Deployment").stream()
                .filter(d -> "grades-worker".equals(Workloads.service(d)))
                .collect(
                        Collectors.toMap(Chart.Rendered::name, d -> Workloads.label(d, "openlearn.io/queue-consumer")));
        assertEquals(Map.of("ol-grades-worker-stream", "stream", "ol-grades-worker-batch", "batch"), consumers);
        var consumes = Chart.render("defaults").ofKind("Deployment").stream()
                .filter(d -> "grades-worker".equals(Workloads.service(d)))
                .collect(Collectors.toMap(Chart.Rendered::name,
                        d -> Workloads.env(Workloads.containers(d).get(0)).get("GRADES_WORKER_CONSUME")));
        assertEquals(Map.of("ol-grades-worker-stream", "stream", "ol-grades-worker-batch", "batch"), consumes,
                "each Deployment consumes only its own queue");
    }

    @Test
    void objectStoreSettingsReachContentAndBothGradesProcesses() {
        Map<String, JsonNode> deployments = Chart.render("defaults").byName("Deployment");
        Map<String, String> content = Workloads.env(Workloads.containers(deployments.get("ol-content-repository"))
                .get(0));
        assertEquals("openlearn", content.get("CONTENT_S3_BUCKET"));
        for (String name : List.of("ol-grades", "ol-grades-worker-stream", "ol-grades-worker-batch")) {
            Map<String, String> env = Workloads.env(Workloads.containers(deployments.get(name)).get(0));
            assertEquals("grades-reports", env.get("OPENLEARN_GRADING_REPORTS_S3_BUCKET"), name);
            assertTrue(env.get("OPENLEARN_GRADING_CONTENT_URL").startsWith("http://ol-content-repository:"), name);
            assertTrue(env.containsKey("OPENLEARN_RABBITMQ_USERNAME"), name + " relays its outbox");
        }
    }

    @Test
    void kedaScalesEachWorkerDeploymentOnItsOwnQueue() {
        Chart.Rendered rendered = Chart.render("keda-on");
        Map<String, JsonNode> scaledObjects = rendered.byName("ScaledObject");
        assertEquals(Set.of("ol-grades-worker-stream", "ol-grades-worker-batch"), scaledObjects.keySet());
        Set<String> deployments = rendered.byName("Deployment").keySet();
        Set<String> authentications = rendered.byName("TriggerAuthentication").keySet();
        for (var entry : scaledObjects.entrySet()) {
            JsonNode scaledObject = entry.getValue();
            assertEquals("keda.sh/v1alpha1", scaledObject.path("apiVersion").asText());
            assertTrue(deployments.contains(scaledObject.at("/spec/scaleTargetRef/name").asText()));
            assertTrue(scaledObject.at("/spec/maxReplicaCount").asInt()
                    >= scaledObject.at("/spec/minReplicaCount").asInt());
            JsonNode trigger = scaledObject.at("/spec/triggers/0");
            assertEquals("rabbitmq", trigger.path("type").asText());
            assertEquals("QueueLength", trigger.at("/metadata/mode").asText());
            String queue = entry.getKey().endsWith("-stream") ? "grades.stream" : "grades.batch";
            assertEquals(queue, trigger.at("/metadata/queueName").asText());
            assertTrue(trigger.at("/metadata/value").asInt() > 0);
            assertTrue(authentications.contains(trigger.at("/authenticationRef/name").asText()));
        }
        assertTrue(autoscaledDeployments(rendered).stream().noneMatch(scaledObjects::containsKey),
                "KEDA owns the worker's HPA; a second one would fight it");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.HelmChartTest#withoutKeda")
    void withoutKedaEveryApiAndBothWorkersScaleOnCpu(String combination) {
        Chart.Rendered rendered = Chart.render(combination);
        assertTrue(rendered.ofKind("ScaledObject").isEmpty());
        assertEquals(rendered.byName("Deployment").keySet(), autoscaledDeployments(rendered));
        for (JsonNode hpa : rendered.ofKind("HorizontalPodAutoscaler")) {
            assertEquals("cpu", hpa.at("/spec/metrics/0/resource/name").asText());
        }
    }

    static List<String> withoutKeda() {
        return List.of("defaults", "keda-off");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void servicesAndDisruptionBudgetsSelectTheirDeployment(String combination) {
        Chart.Rendered rendered = Chart.render(combination);
        List<JsonNode> deployments = rendered.ofKind("Deployment");
        for (JsonNode service : rendered.ofKind("Service")) {
            long selected =
                    deployments.stream().filter(d -> Workloads.selects(service.at("/spec/selector"), d)).count();
            assertEquals(1, selected, Chart.Rendered.name(service));
        }
        for (JsonNode pdb : rendered.ofKind("PodDisruptionBudget")) {
            long selected = deployments.stream()
                    .filter(d -> Workloads.selects(pdb.at("/spec/selector/matchLabels"), d)).count();
            assertEquals(1, selected, Chart.Rendered.name(pdb));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void onlyTheGatewayTakesTrafficFromOutsideTheRelease(String combination) {
        Chart.Rendered rendered = Chart.render(combination);
        JsonNode denyAll = rendered.byName("NetworkPolicy").get("ol-default-deny-ingress");
        assertEquals("{\"app.kubernetes.io/instance\":\"ol\",\"app.kubernetes.io/part-of\":\"openlearn\"}",
                denyAll.at("/spec/podSelector/matchLabels").toString());
        assertTrue(denyAll.at("/spec/ingress").isMissingNode(), "the default policy allows nothing");
        for (JsonNode policy : rendered.ofKind("NetworkPolicy")) {
            if (policy == denyAll || "ol-gateway".equals(Chart.Rendered.name(policy))) {
                continue;
            }
            for (JsonNode rule : policy.at("/spec/ingress")) {
                assertFalse(rule.path("from").isEmpty(), Chart.Rendered.name(policy) + " must name who may call it");
            }
        }
        for (JsonNode ingress : rendered.ofKind("Ingress")) {
            for (JsonNode backend : ingress.findValues("service")) {
                assertEquals("ol-gateway", backend.path("name").asText());
            }
        }
    }

    @Test
    void ingressExposesTheGatewayUnlessSwitchedOff() {
        assertEquals(Set.of("ol-gateway"), Chart.render("defaults").byName("Ingress").keySet());
        assertTrue(Chart.render("ingress-off").ofKind("Ingress").isEmpty());
    }

    @Test
    void minimalResourcesRunOneReplicaOfEachWithoutAutoscalers() {
        Chart.Rendered rendered = Chart.render("minimal-resources");
        for (JsonNode deployment : rendered.ofKind("Deployment")) {
            boolean autoscaled = autoscaledDeployments(rendered).contains(Chart.Rendered.name(deployment));
            assertTrue(autoscaled || deployment.at("/spec/replicas").asInt() == 1, Chart.Rendered.name(deployment));
        }
        assertTrue(rendered.ofKind("PodDisruptionBudget").isEmpty());
    }

    @Test
    void externalServicesAndImageRegistryComeFromValues() {
        for (JsonNode deployment : Chart.render("external-services").ofKind("Deployment")) {
            JsonNode container = Workloads.containers(deployment).get(0);
            assertTrue(container.path("image").asText().startsWith("registry.example.com/platform/openlearn/"));
            Map<String, String> env = Workloads.env(container);
            assertEquals("https://learn.example.com/auth", env.get("OPENLEARN_JWT_ISSUER"));
            assertEquals("keycloak-clients:" + Workloads.service(deployment),
                    env.get("OPENLEARN_SERVICE_TOKEN_CLIENT_SECRET"));
            if (env.containsKey("OPENLEARN_DB_HOST")) {
                assertEquals("pg.databases.example.com", env.get("OPENLEARN_DB_HOST"));
                assertEquals("6432", env.get("OPENLEARN_DB_PORT"));
            }
        }
    }

    @Test
    void noSecretIsRenderedUnlessAskedForInDevelopment() {
        for (String combination : Chart.valueCombinations().toList()) {
            assertTrue(Chart.render(combination).ofKind("Secret").isEmpty(), combination);
        }
    }

    @Test
    void devSecretsHoldEveryKeyTheWorkloadsAndKedaReference() {
        Chart.Rendered rendered = Chart.render("keda-on", Map.of(),
                Repo.CHART.resolve("examples/values-dev-secrets.yaml"));
        Set<String> provided = rendered.ofKind("Secret").stream()
                .flatMap(s -> names(s.path("stringData")).stream().map(k -> Chart.Rendered.name(s) + ":" + k))
                .collect(Collectors.toSet());
        for (JsonNode deployment : rendered.ofKind("Deployment")) {
            for (String value : Workloads.env(Workloads.containers(deployment).get(0)).values()) {
                if (value.startsWith("openlearn-")) {
                    assertTrue(provided.contains(value), Chart.Rendered.name(deployment) + " needs " + value);
                }
            }
        }
        for (JsonNode reference : rendered.ofKind("TriggerAuthentication").get(0).at("/spec/secretTargetRef")) {
            String needed = reference.path("name").asText() + ":" + reference.path("key").asText();
            assertTrue(provided.contains(needed), "KEDA needs " + needed);
        }
        assertEquals(List.of(), KubernetesSchemas.problems(rendered.ofKind("Secret")));
    }

    @Test
    void everyServiceListensOnThePortItsContainerDeclaresAndByDefaultOnItsOwn() {
        for (JsonNode deployment : Chart.render("defaults").ofKind("Deployment")) {
            JsonNode container = Workloads.containers(deployment).get(0);
            int declared = container.at("/ports/0/containerPort").asInt();
            assertEquals(String.valueOf(declared), Workloads.env(container).get("QUARKUS_HTTP_PORT"));
            assertEquals(Services.port(Workloads.service(deployment)), declared, Chart.Rendered.name(deployment));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void theGatewaysProbesAndMetricsUseItsManagementPortWhichOnlyTheScraperMayReach(String combination) {
        Chart.Rendered rendered = Chart.render(combination);
        int management = Integer.parseInt(Services.property("gateway", "gateway.management-port"));
        JsonNode container = Workloads.containers(rendered.byName("Deployment").get("ol-gateway")).get(0);
        Map<String, Integer> ports = new HashMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        assertEquals(Map.of("http", Services.port("gateway"), "management", management), ports);
        assertEquals(String.valueOf(management), Workloads.env(container).get("GATEWAY_MANAGEMENT_PORT"));
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(), probe);
        }
        assertEquals(String.valueOf(management), rendered.byName("Deployment").get("ol-gateway")
                .at("/spec/template/metadata/annotations").path("prometheus.io/port").asText());
        assertEquals(List.of("http"), StreamSupport.stream(rendered.byName("Service").get("ol-gateway")
                .at("/spec/ports").spliterator(), false).map(p -> p.path("name").asText()).toList(),
                "the Service exposes the API only");
        JsonNode policy = rendered.byName("NetworkPolicy").get("ol-gateway");
        for (JsonNode rule : policy.at("/spec/ingress")) {
            boolean toManagement = "management".equals(rule.at("/ports/0/port").asText());
            assertTrue(!toManagement || rule.at("/from/0/namespaceSelector").isObject(),
                    "only the metrics namespace may reach the management port");
        }
    }

    @Test
    void behindItsIngressTheGatewayBelievesTheControllersForwardedForAndOtherwiseNobodys() {
        Map<String, String> withIngress = Workloads.env(Workloads.containers(
                Chart.render("defaults").byName("Deployment").get("ol-gateway")).get(0));
        assertEquals("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7", withIngress.get("GATEWAY_TRUSTED_PROXIES"));
        Map<String, String> withoutIngress = Workloads.env(Workloads.containers(
                Chart.render("ingress-off").byName("Deployment").get("ol-gateway")).get(0));
        assertFalse(withoutIngress.containsKey("GATEWAY_TRUSTED_PROXIES"));
        Map<String, String> narrowed = Workloads.env(Workloads.containers(Chart.render("defaults",
                Map.of("ingress.trustedProxies[0]", "10.42.0.0/16")).byName("Deployment").get("ol-gateway")).get(0));
        assertEquals("10.42.0.0/16", narrowed.get("GATEWAY_TRUSTED_PROXIES"), "a list set replaces the default");
    }

    @Test
    void valuesSchemaRefusesAWrongTypeAndSwitchingHardeningOff() {
        assertThrows(IllegalStateException.class,
                () -> Chart.render("defaults", Map.of("services.auth.replicas", "two")));
        assertThrows(IllegalStateException.class, () -> Chart.render("defaults",
                Map.of("containerSecurityContext.readOnlyRootFilesystem", "false")));
        assertThrows(IllegalStateException.class, () -> Chart.render("defaults",
                Map.of("gradesWorker.autoscalingMode", "sometimes")));
    }

    private static Set<String> autoscaledDeployments(Chart.Rendered rendered) {
        return rendered.ofKind("HorizontalPodAutoscaler").stream()
                .map(hpa -> hpa.at("/spec/scaleTargetRef/name").asText()).collect(Collectors.toSet());
    }

    private static boolean mountsEmptyDirAtTmp(JsonNode pod, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asText())) {
                String volume = mount.path("name").asText();
                return StreamSupport.stream(pod.path("volumes").spliterator(), false)
                        .anyMatch(v -> volume.equals(v.path("name").asText()) && v.has("emptyDir"));
            }
        }
        return false;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
