package io.openlearn.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose/compose.yaml as Docker Compose reads it. SnakeYAML resolves the {@code <<} merge keys the file
 * uses for shared environment blocks; ${VAR:-default} is resolved to its default, as with an empty .env.
 */
final class Compose {

    static final Path FILE = Repo.COMPOSE_DIR.resolve("compose.yaml");
    static final Path ENV_EXAMPLE = Repo.COMPOSE_DIR.resolve(".env.example");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private final Map<String, Object> document;

    private Compose(Map<String, Object> document) {
        this.document = document;
    }

    static Compose load() {
        return new Compose(new Yaml().load(Files2.read(FILE)));
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) document.get("services");
    }

    Map<String, Object> service(String name) {
        return services().get(name);
    }

    /** A service's environment with ${VAR:-default} replaced by its default. */
    @SuppressWarnings("unchecked")
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<String, Object>) service.getOrDefault("environment", Map.of()))
                .forEach((name, value) -> env.put(name, withDefaults(String.valueOf(value))));
        return env;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> dependsOn(Map<String, Object> service) {
        return (Map<String, Map<String, Object>>) service.getOrDefault("depends_on", Map.of());
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Map<String, Object> service, String field) {
        return (List<String>) service.getOrDefault(field, List.of());
    }

    static String withDefaults(String text) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (variable.find()) {
            boolean hasDefault = variable.group(2) != null && variable.group(2).endsWith("-");
            variable.appendReplacement(resolved, Matcher.quoteReplacement(hasDefault ? variable.group(3) : ""));
        }
        return variable.appendTail(resolved).toString();
    }

    /** Variables the file uses without a default (${VAR}, ${VAR:?message}): they must come from .env. */
    static Set<String> variablesWithoutDefault() {
        Set<String> names = new TreeSet<>();
        Matcher variable = VARIABLE.matcher(Files2.read(FILE));
        while (variable.find()) {
            if (variable.group(2) == null || variable.group(2).endsWith("?")) {
                names.add(variable.group(1));
            }
        }
        return names;
    }

    static Set<String> variablesUsed() {
        Set<String> names = new TreeSet<>();
        Matcher variable = VARIABLE.matcher(Files2.read(FILE));
        while (variable.find()) {
            names.add(variable.group(1));
        }
        return names;
    }

    static Set<String> variablesInEnvExample() {
        Set<String> names = new TreeSet<>();
        for (String line : Files2.lines(ENV_EXAMPLE)) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                names.add(line.substring(0, line.indexOf('=')).strip());
            }
        }
        return names;
    }
}
