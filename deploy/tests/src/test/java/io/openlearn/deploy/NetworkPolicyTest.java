package io.openlearn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NetworkPolicies against the calls the services make: each service's configuration names the URLs it calls
 * (every key whose default is a platform service's local address), the chart must point each at the release's
 * Service, and the policies must let exactly those calls through, from exactly those pods.
 */
class NetworkPolicyTest {

    private static final Pattern LOCAL_SERVICE = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern SERVICE_URL = Pattern.compile("http://([a-z0-9-]+):(\\d+)(/.*)?");

    /** One pod-to-pod call: from a Deployment's pods to another's port (by container port name). */
    record Call(String from, String to, String port) implements Comparable<Call> {

        @Override
        public int compareTo(Call other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return from + " -> " + to + ":" + port;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void everyConfiguredCallIsAllowedAndNothingElse(String combination) {
        Chart.Rendered rendered = Chart.render(combination);
        Set<Call> configured = configuredCalls(rendered);
        Set<Call> allowed = allowedCalls(rendered);
        assertTrue(configured.size() >= 30, "the render wires the services together: " + configured);
        assertEquals(Set.of(), difference(configured, allowed), "configured calls the NetworkPolicies block");
        assertEquals(Set.of(), difference(allowed, configured), "calls the NetworkPolicies allow but nobody makes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.openlearn.deploy.Chart#valueCombinations")
    void everyUrlAServiceReadsPointsAtTheReleasesService(String combination) {
        Chart.Rendered rendered = Chart.render(combination);
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : rendered.ofKind("Deployment")) {
            Map<String, String> env = Workloads.env(Workloads.containers(deployment).get(0));
            for (var call : ServiceUrls.of(Workloads.service(deployment)).entrySet()) {
                String variable = ServiceConfig.envName(call.getKey());
                String expected = "http://" + serviceOf(rendered, call.getValue()) + ":"
                        + Services.port(call.getValue());
                if (!expected.equals(env.get(variable))) {
                    problems.add(Chart.Rendered.name(deployment) + " " + variable + "=" + env.get(variable)
                            + ", expected " + expected);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void todaysCallsAreTheDeclaredGraph() {
        Set<String> calls = new TreeSet<>();
        configuredCalls(Chart.render("defaults")).forEach(c -> calls.add(c.from() + " -> " + c.to()));
        assertTrue(calls.containsAll(Set.of("ol-submission -> ol-content-repository",
                "ol-submission -> ol-grades", "ol-grades-worker-stream -> ol-enrollment",
                "ol-grades-worker-batch -> ol-submission", "ol-course-authoring -> ol-content-repository",
                "ol-gateway -> ol-grades", "ol-grades-worker-batch -> ol-auth")), calls.toString());
    }

    @Test
    void metricsScrapersAreLetInOnlyOnTheMetricsPort() {
        Chart.Rendered rendered = Chart.render("production-like");
        for (JsonNode policy : rendered.ofKind("NetworkPolicy")) {
            boolean gateway = "ol-gateway".equals(Chart.Rendered.name(policy));
            for (JsonNode rule : policy.at("/spec/ingress")) {
                if (gateway && "http".equals(rule.at("/ports/0/port").asText())) {
                    continue; // networkPolicy.gatewayFrom: the Ingress controller
                }
                for (JsonNode from : rule.path("from")) {
                    if (from.has("namespaceSelector")) {
                        assertEquals("{\"kubernetes.io/metadata.name\":\"monitoring\"}",
                                from.at("/namespaceSelector/matchLabels").toString());
                        assertEquals("{\"app.kubernetes.io/name\":\"prometheus\"}",
                                from.at("/podSelector/matchLabels").toString());
                        String port = rule.at("/ports/0/port").asText();
                        String expected = gateway ? "management" : "http";
                        assertEquals(expected, port, Chart.Rendered.name(policy));
                    }
                }
            }
        }
        assertTrue(Chart.render("defaults").ofKind("NetworkPolicy").stream().flatMap(p -> p.findValues("from").stream())
                .noneMatch(f -> f.toString().contains("namespaceSelector")), "nobody scrapes unless configured");
    }

    @Test
    void aLongReleaseNameKeepsEveryObjectNameWholeAndDistinct() {
        String release = "a-release-name-of-fifty-two-characters-for-a-testing";
        Chart.Rendered rendered = Chart.renderAs(release, "defaults");
        Set<String> names = new TreeSet<>();
        for (JsonNode object : rendered.objects()) {
            String name = object.path("kind").asText() + "/" + Chart.Rendered.name(object);
            assertTrue(Chart.Rendered.name(object).length() <= 63, name);
            assertTrue(names.add(name), "two objects named " + name);
        }
        // 63 characters at most: the release keeps what the workload name leaves, without a trailing dash
        assertTrue(names.contains("Deployment/a-release-name-of-fifty-two-characters-for-grades-worker-stream"),
                names.toString());
        assertTrue(names.contains("Deployment/a-release-name-of-fifty-two-characters-for-grades-worker-batch"));
    }

    /** Every URL a container is given that names a Service of the release: the calls it will make. */
    private static Set<Call> configuredCalls(Chart.Rendered rendered) {
        Map<String, JsonNode> services = rendered.byName("Service");
        Set<Call> calls = new TreeSet<>();
        for (JsonNode deployment : rendered.ofKind("Deployment")) {
            for (String value : Workloads.env(Workloads.containers(deployment).get(0)).values()) {
                Matcher url = SERVICE_URL.matcher(value);
                if (url.matches() && services.containsKey(url.group(1))) {
                    JsonNode service = services.get(url.group(1));
                    JsonNode target = selected(rendered, service.at("/spec/selector")).get(0);
                    calls.add(new Call(Chart.Rendered.name(deployment), Chart.Rendered.name(target),
                            targetPortName(service, target, Integer.parseInt(url.group(2)))));
                }
            }
        }
        return calls;
    }

    /** Every pod-to-pod call some policy lets in (rules from outside the release, e.g. the Ingress, aside). */
    private static Set<Call> allowedCalls(Chart.Rendered rendered) {
        Set<Call> allowed = new TreeSet<>();
        for (JsonNode policy : rendered.ofKind("NetworkPolicy")) {
            for (JsonNode target : selected(rendered, policy.at("/spec/podSelector/matchLabels"))) {
                for (JsonNode rule : policy.at("/spec/ingress")) {
                    for (JsonNode from : rule.path("from")) {
                        if (from.has("namespaceSelector") || !from.has("podSelector")) {
                            continue;
                        }
                        for (JsonNode caller : selected(rendered, from.at("/podSelector/matchLabels"))) {
                            rule.path("ports").forEach(p -> allowed.add(new Call(Chart.Rendered.name(caller),
                                    Chart.Rendered.name(target), p.path("port").asText())));
                        }
                    }
                }
            }
        }
        return allowed;
    }

    private static List<JsonNode> selected(Chart.Rendered rendered, JsonNode matchLabels) {
        return rendered.ofKind("Deployment").stream().filter(d -> Workloads.selects(matchLabels, d)).toList();
    }

    /** The name of the container port a Service's port number leads to (what a policy's port names). */
    private static String targetPortName(JsonNode service, JsonNode deployment, int port) {
        for (JsonNode servicePort : service.at("/spec/ports")) {
            if (servicePort.path("port").asInt() == port) {
                JsonNode target = servicePort.path("targetPort");
                for (JsonNode containerPort : Workloads.containers(deployment).get(0).path("ports")) {
                    if (target.isTextual() ? target.asText().equals(containerPort.path("name").asText())
                            : target.asInt() == containerPort.path("containerPort").asInt()) {
                        return containerPort.path("name").asText();
                    }
                }
            }
        }
        throw new AssertionError(Chart.Rendered.name(service) + " has no port " + port);
    }

    private static String serviceOf(Chart.Rendered rendered, String service) {
        return rendered.ofKind("Service").stream()
                .filter(s -> service.equals(Workloads.label(s, "app.kubernetes.io/component")))
                .filter(s -> Workloads.label(s, "openlearn.io/metrics").isEmpty())
                .map(Chart.Rendered::name).findFirst().orElseThrow(() -> new AssertionError("no Service " + service));
    }

    private static Set<Call> difference(Set<Call> left, Set<Call> right) {
        Set<Call> difference = new TreeSet<>();
        difference.addAll(left);
        difference.removeAll(right);
        return difference;
    }

    /** The URLs of platform services a service's configuration reads, by key: key -> the service called. */
    static final class ServiceUrls {

        private ServiceUrls() {
        }

        static Map<String, String> of(String service) {
            Map<String, String> byPort = new HashMap<>();
            Services.ALL.forEach(s -> byPort.put(String.valueOf(Services.port(s)), s));
            Map<String, String> urls = new TreeMap<>();
            for (String line : Files2.lines(Services.module(service).resolve(
                    "src/main/resources/application.properties"))) {
                int equals = line.indexOf('=');
                if (line.startsWith("%") || line.startsWith("#") || equals < 0) {
                    continue;
                }
                Matcher url = LOCAL_SERVICE.matcher(line.substring(equals + 1).strip());
                if (url.matches() && byPort.containsKey(url.group(1))) {
                    urls.put(line.substring(0, equals).strip(), byPort.get(url.group(1)));
                }
            }
            // every process verifies platform JWTs against auth's JWKS and exchanges tokens there (platform-kit)
            urls.put("openlearn.auth.url", "auth");
            return urls;
        }
    }
}
