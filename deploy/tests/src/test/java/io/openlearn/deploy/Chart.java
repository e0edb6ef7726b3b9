package io.openlearn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The chart rendered by Helm's own engine (helm-java embeds the Helm library), as `helm template` would for an
 * install named {@value #RELEASE}.
 */
final class Chart {

    static final String RELEASE = "ol";
    static final String NAMESPACE = "openlearn";
    /** The oldest Kubernetes the chart declares (Chart.yaml kubeVersion), so no newer API slips in unnoticed. */
    static final String KUBE_VERSION = "1.25.0";

    private Chart() {
    }

    /** The value combinations the chart is rendered under: helm/openlearn/ci/<name>-values.yaml, or the defaults. */
    static Stream<String> valueCombinations() {
        return Stream.of("defaults", "keda-on", "keda-off", "external-services", "ingress-off", "minimal-resources",
                "production-like");
    }

    static Rendered render(String combination) {
        return render(combination, Map.of());
    }

    /** Renders with a combination, then further values files (later ones win), then --set values. */
    static Rendered render(String combination, Map<String, Object> sets, Path... moreValues) {
        return render(RELEASE, combination, sets, moreValues);
    }

    /** Renders a combination for a release of another name. */
    static Rendered renderAs(String release, String combination) {
        return render(release, combination, Map.of());
    }

    private static Rendered render(String release, String combination, Map<String, Object> sets,
            Path... moreValues) {
        TemplateCommand template = new Helm(Repo.CHART).template()
                .withName(release).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
        if (!"defaults".equals(combination)) {
            template = template.withValuesFile(valuesFile(combination));
        }
        for (Path values : moreValues) {
            template = template.withValuesFile(values);
        }
        for (var set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return new Rendered(Yaml.documents(template.call()));
    }

    static Path valuesFile(String combination) {
        return Repo.CHART.resolve("ci").resolve(combination + "-values.yaml");
    }

    /** The objects of one rendering. */
    record Rendered(List<JsonNode> objects) {

        List<JsonNode> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        }

        Map<String, JsonNode> byName(String kind) {
            return ofKind(kind).stream().collect(Collectors.toMap(Rendered::name, o -> o));
        }

        static String name(JsonNode object) {
            return object.path("metadata").path("name").asText();
        }
    }
}
