package io.openlearn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Reading rendered Deployments: their container, labels and environment. */
final class Workloads {

    private Workloads() {
    }

    static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    static List<JsonNode> containers(JsonNode deployment) {
        return StreamSupport.stream(podSpec(deployment).path("containers").spliterator(), false).toList();
    }

    static String label(JsonNode object, String name) {
        return object.path("metadata").path("labels").path(name).asText();
    }

    /** The service a Deployment runs (both grades worker Deployments run grades-worker). */
    static String service(JsonNode deployment) {
        return label(deployment, "app.kubernetes.io/component");
    }

    /** The variables a container sets, by name: a plain value, or "secret:key" for a Secret reference. */
    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode variable : container.path("env")) {
            JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
            env.put(variable.path("name").asText(), secret.isMissingNode()
                    ? variable.path("value").asText()
                    : secret.path("name").asText() + ":" + secret.path("key").asText());
        }
        return env;
    }

    /** True when every label of the selector is on the object's pod template (what a Service or PDB selects). */
    static boolean selects(JsonNode matchLabels, JsonNode deployment) {
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        if (matchLabels.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = matchLabels.fields(); it.hasNext();) {
            var label = it.next();
            if (!label.getValue().asText().equals(podLabels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
