package io.openlearn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The chart README's parameter tables against values.yaml and values.schema.json: every parameter it names exists in
 * both, every value the schema accepts is documented, and every default it states is the one values.yaml holds.
 */
class ChartReadmeTest {

    private static final Pattern TOKEN = Pattern.compile("`([^`]+)`");

    /** One documented parameter: its path (placeholders like {@code <name>} match any key) and stated default. */
    record Parameter(List<String> path, String stated, int line) {

        boolean placeholderAt(int i) {
            return path.get(i).startsWith("<");
        }

        @Override
        public String toString() {
            return String.join(".", path) + " (README line " + line + ")";
        }
    }

    @Test
    void everyDocumentedParameterExistsInValuesAndSchema() {
        List<String> problems = new ArrayList<>();
        for (Parameter parameter : documented()) {
            if (schemaNodes(schema(), parameter.path(), 0).isEmpty()) {
                problems.add(parameter + " is not in values.schema.json");
            }
            if (!inValues(values(), parameter, 0)) {
                problems.add(parameter + " is not in values.yaml");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyValueTheSchemaAcceptsIsDocumented() {
        List<Parameter> documented = documented();
        List<String> undocumented = new ArrayList<>();
        for (List<String> path : schemaLeaves(schema(), new ArrayList<>())) {
            if (documented.stream().noneMatch(p -> covers(p, path))) {
                undocumented.add(String.join(".", path));
            }
        }
        assertEquals(List.of(), undocumented);
    }

    @Test
    void everyStatedDefaultIsTheOneInValues() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Parameter parameter : documented()) {
            if (parameter.stated() == null || parameter.path().stream().anyMatch(s -> s.startsWith("<"))) {
                continue;
            }
            JsonNode value = values();
            for (String segment : parameter.path()) {
                value = value.path(segment);
            }
            String actual = rendering(value);
            if (actual != null) {
                checked++;
                if (!actual.equals(parameter.stated())) {
                    problems.add(parameter + " says `" + parameter.stated() + "`, values.yaml has `" + actual + "`");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 40, "the tables state defaults: " + checked);
    }

    @Test
    void theReaderUnderstandsTheTablesShorthand() {
        List<Parameter> parsed = parse(List.of("## Parameters", "### Grades worker (`gradesWorker`)",
                "| `keda.pollingInterval` / `.cooldownPeriod` | `15` / `120` | seconds |",
                "| `stream.queue` / `batch.queue` | `grades.stream` / `grades.batch` (each) | |", "## Tests",
                "| `ignored` | `x` | |"));
        assertEquals(List.of("gradesWorker.keda.pollingInterval=15", "gradesWorker.keda.cooldownPeriod=120",
                "gradesWorker.stream.queue=grades.stream", "gradesWorker.batch.queue=null"),
                parsed.stream().map(p -> String.join(".", p.path()) + "=" + p.stated()).toList());
    }

    private static List<Parameter> documented() {
        return parse(Files2.lines(Repo.CHART.resolve("README.md")));
    }

    /**
     * Rows of the tables under "## Parameters": the first cell names one or more paths separated by " / ", where
     * ".x" continues the previous path's parent and a heading's "(`prefix`" is put in front. A default cell of as
     * many backticked values, or one starting with a backticked value for a single path, states the defaults.
     */
    static List<Parameter> parse(List<String> lines) {
        List<Parameter> parameters = new ArrayList<>();
        boolean inParameters = false;
        String prefix = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                inParameters = line.equals("## Parameters");
            } else if (line.startsWith("### ")) {
                Matcher heading = Pattern.compile("\\(`([^`]+)`").matcher(line);
                prefix = heading.find() ? heading.group(1) + "." : "";
            } else if (inParameters && line.startsWith("| `")) {
                String[] cells = line.split("(?<!\\\\)\\|");
                List<String> paths = paths(cells[1], prefix);
                List<String> stated = defaults(cells[2], paths.size());
                for (int p = 0; p < paths.size(); p++) {
                    parameters.add(new Parameter(List.of(paths.get(p).split("\\.")), stated.get(p), i + 1));
                }
            }
        }
        return parameters;
    }

    private static List<String> paths(String cell, String prefix) {
        List<String> paths = new ArrayList<>();
        for (String part : cell.strip().split(" / ")) {
            Matcher token = TOKEN.matcher(part.strip());
            if (!token.matches()) {
                throw new AssertionError("a parameter cell holds backticked paths separated by \" / \": " + cell);
            }
            String path = token.group(1);
            if (path.startsWith(".")) {
                String previous = paths.get(paths.size() - 1);
                path = previous.substring(0, previous.lastIndexOf('.')) + path;
            } else {
                path = prefix + path;
            }
            paths.add(path);
        }
        return paths;
    }

    private static List<String> defaults(String cell, int count) {
        List<String> stated = new ArrayList<>();
        String[] parts = cell.strip().split(" / ");
        for (int i = 0; i < count; i++) {
            String part = parts.length == count ? parts[i].strip() : i == 0 ? cell.strip() : "";
            Matcher token = TOKEN.matcher(part);
            stated.add(token.lookingAt() && (count == 1 || token.matches()) ? token.group(1) : null);
        }
        return stated;
    }

    /** How the README writes a default: scalars as they are, "" for the empty string, [] and {} when empty. */
    private static String rendering(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText().isEmpty() ? "\"\"" : value.asText();
        }
        if (value.isContainerNode()) {
            return value.isEmpty() ? (value.isArray() ? "[]" : "{}") : null;
        }
        return value.asText();
    }

    private static boolean covers(Parameter parameter, List<String> schemaPath) {
        if (parameter.path().size() > schemaPath.size()) {
            return false;
        }
        for (int i = 0; i < parameter.path().size(); i++) {
            // a placeholder stands for any key; a named key never covers the schema's "any key"
            if (!parameter.placeholderAt(i) && !parameter.path().get(i).equals(schemaPath.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Every path down to a value the schema describes without named properties; "<*>" stands for any key. */
    private static List<List<String>> schemaLeaves(JsonNode node, List<String> path) {
        JsonNode resolved = resolve(node);
        List<List<String>> leaves = new ArrayList<>();
        JsonNode additional = resolve(resolved.path("additionalProperties"));
        if (resolved.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("properties").fields(); it.hasNext();) {
                var property = it.next();
                List<String> child = new ArrayList<>(path);
                child.add(property.getKey());
                leaves.addAll(schemaLeaves(property.getValue(), child));
            }
        } else if (additional.has("properties")) {
            List<String> child = new ArrayList<>(path);
            child.add("<*>");
            leaves.addAll(schemaLeaves(additional, child));
        } else {
            leaves.add(path);
        }
        return leaves;
    }

    private static List<JsonNode> schemaNodes(JsonNode node, List<String> path, int at) {
        JsonNode resolved = resolve(node);
        if (at == path.size()) {
            return List.of(resolved);
        }
        String segment = path.get(at);
        List<JsonNode> found = new ArrayList<>();
        JsonNode properties = resolved.path("properties");
        if (properties.has(segment)) {
            found.addAll(schemaNodes(properties.get(segment), path, at + 1));
        } else if (segment.startsWith("<")) {
            properties.forEach(p -> found.addAll(schemaNodes(p, path, at + 1)));
        }
        JsonNode additional = resolved.path("additionalProperties");
        if (found.isEmpty() && additional.isObject()) {
            found.addAll(schemaNodes(additional, path, at + 1));
        }
        return found;
    }

    /** Present in values.yaml, or below a map values.yaml leaves empty for the operator to fill. */
    private static boolean inValues(JsonNode node, Parameter parameter, int at) {
        if (at == parameter.path().size()) {
            return true;
        }
        if (node.isObject() && node.isEmpty()) {
            return true;
        }
        if (parameter.placeholderAt(at)) {
            for (JsonNode child : node) {
                if (inValues(child, parameter, at + 1)) {
                    return true;
                }
            }
            return false;
        }
        return node.has(parameter.path().get(at)) && inValues(node.get(parameter.path().get(at)), parameter, at + 1);
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/$defs/") ? schema().path("$defs").path(ref.substring(8)) : node;
    }

    private static JsonNode schema() {
        return Yaml.read(Repo.CHART.resolve("values.schema.json"));
    }

    private static JsonNode values() {
        return Yaml.read(Repo.CHART.resolve("values.yaml"));
    }
}
