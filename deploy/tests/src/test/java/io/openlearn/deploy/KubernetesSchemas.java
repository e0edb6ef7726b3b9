package io.openlearn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Validates objects against the Kubernetes schemas (npm kubernetes-models, and @kubernetes-models/keda for KEDA's
 * CRDs) by running src/test/node/validate-k8s.mjs, which Maven installs under target/k8s-validator. One node
 * process per batch: starting it costs more than validating a whole rendering.
 */
final class KubernetesSchemas {

    private static final Path DIR = Path.of(System.getProperty("openlearn.k8s-validator.dir", "target/k8s-validator"));

    private KubernetesSchemas() {
    }

    /** One line per object that fails, naming kind, name and the schema's complaint; empty when all pass. */
    static List<String> problems(List<JsonNode> objects) {
        try {
            Process node = new ProcessBuilder("node", "validate-k8s.mjs").directory(DIR.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (var stdin = node.getOutputStream()) {
                stdin.write(Yaml.JSON.writeValueAsBytes(objects));
            }
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new IllegalStateException("the schema validator failed (run mvn to install it): " + out);
            }
            List<String> problems = new ArrayList<>();
            for (JsonNode problem : Yaml.JSON.readTree(out)) {
                problems.add(problem.path("kind").asText() + " " + problem.path("name").asText() + ": "
                        + problem.path("message").asText());
            }
            return problems;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node " + DIR + "/validate-k8s.mjs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
