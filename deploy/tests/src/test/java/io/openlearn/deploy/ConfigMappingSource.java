package io.openlearn.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of one {@code @ConfigMapping} interface, read from its source: each method becomes
 * {@code prefix.kebab-name}, nested interfaces extend the prefix, {@code Map<String, X>} adds a {@code *} segment.
 * Reading the source rather than loading the class keeps the services off this module's classpath.
 */
final class ConfigMappingSource {

    private static final Pattern PREFIX = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern METHOD = Pattern.compile(
            "((?:@\\w+(?:\\([^)]*\\))?\\s*)*)([\\w.]+(?:<[^;(]*>)?)\\s+(\\w+)\\(\\)\\s*;");
    private static final Pattern NESTED = Pattern.compile("interface\\s+(\\w+)(?:\\s+extends\\s+(\\w+))?\\s*\\{");
    private static final Pattern MAP_OF = Pattern.compile("Map<\\s*String\\s*,\\s*([\\w.]+)\\s*>");

    /** A key (with {@code *} for a map's name segment) and whether it must be set because nothing defaults it. */
    record Key(String name, boolean required) {
    }

    private ConfigMappingSource() {
    }

    static Optional<List<Key>> keys(String javaSource) {
        String source = stripComments(javaSource);
        Matcher prefix = PREFIX.matcher(source);
        if (!prefix.find()) {
            return Optional.empty();
        }
        int open = source.indexOf('{', prefix.end());
        String body = source.substring(open + 1, closingBrace(source, open));
        List<Key> keys = new ArrayList<>();
        collect(body, nestedInterfaces(body), prefix.group(1), false, keys);
        return Optional.of(keys);
    }

    /** Inside a map an entry's keys are needed only when the entry exists, so none of them is required. */
    private static void collect(String body, Map<String, String> nested, String prefix, boolean inMap,
            List<Key> keys) {
        Matcher method = METHOD.matcher(withoutNestedBodies(body));
        while (method.find()) {
            String annotations = method.group(1);
            String type = method.group(2);
            String key = prefix + "." + kebab(method.group(3));
            Matcher map = MAP_OF.matcher(type);
            if (nested.containsKey(type)) {
                collect(nested.get(type), nested, key, inMap, keys);
            } else if (map.matches() && nested.containsKey(map.group(1))) {
                collect(nested.get(map.group(1)), nested, key + ".*", true, keys);
            } else if (map.matches()) {
                keys.add(new Key(key + ".*", false));
            } else if (keys.stream().noneMatch(known -> known.name().equals(key))) {
                // an override in the nested interface comes before the inherited method and wins
                boolean defaulted = annotations.contains("@WithDefault") || type.startsWith("Optional");
                keys.add(new Key(key, !defaulted && !inMap));
            }
        }
    }

    private static Map<String, String> nestedInterfaces(String body) {
        Map<String, String> nested = new HashMap<>();
        Matcher matcher = NESTED.matcher(body);
        while (matcher.find()) {
            int open = matcher.end() - 1;
            String own = body.substring(open + 1, closingBrace(body, open));
            nested.put(matcher.group(1), matcher.group(2) == null ? own : own + "\n" + inherited(matcher.group(2)));
        }
        return nested;
    }

    /** The body of a shared settings interface a mapping extends (e.g. platform-s3's S3Settings), from its source. */
    private static String inherited(String name) {
        try (var files = java.nio.file.Files.walk(Repo.path("services"))) {
            java.nio.file.Path file = files.filter(f -> f.getFileName().toString().equals(name + ".java"))
                    .filter(f -> f.toString().contains("src/main/java")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no source of " + name));
            String source = stripComments(Files2.read(file));
            int open = source.indexOf('{', source.indexOf("interface " + name));
            return source.substring(open + 1, closingBrace(source, open));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The methods of one level only: nested interface bodies are read when their type is met. */
    private static String withoutNestedBodies(String body) {
        StringBuilder top = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                top.append(c);
            }
        }
        return top.toString();
    }

    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces");
    }

    private static String stripComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
