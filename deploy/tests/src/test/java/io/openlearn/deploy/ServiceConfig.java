package io.openlearn.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys one service reads, gathered from its module and the shared libraries it depends on:
 * application.properties and microprofile-config.properties (keys and the ${...} they reference), @ConfigMapping
 * interfaces and @ConfigProperty injections. Environment variables map to keys as MicroProfile Config maps them:
 * upper case, every character other than a letter or digit becomes '_'.
 */
final class ServiceConfig {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^:}]+)");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final String DEV_AND_TEST = "%dev,test.";

    /** Read by the image's launcher script (run-java.sh), not by the service's configuration. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("JAVA_OPTS_APPEND");

    /**
     * Needed wherever the service runs beside others, although the code has a default or treats them as
     * optional: the defaults point at 127.0.0.1, and without a client every service-to-service call and the
     * revocation feed fail.
     */
    static final List<String> DEPLOYED_KEYS = List.of("openlearn.auth.url", "openlearn.service-token.idp-token-url",
            "openlearn.service-token.client-id", "openlearn.service-token.client-secret");

    private final String service;
    private final Set<String> keys = new TreeSet<>();
    /** Keys given a value for every profile by some properties file. */
    private final Set<String> setForAllProfiles = new HashSet<>();
    /** Keys with a value only in dev and test, and mapped keys without a default. */
    private final Set<String> unsetOutsideDevAndTest = new HashSet<>();
    /** Mapped keys the code defaults or treats as optional, whatever the properties files give them in dev. */
    private final Set<String> optionalInMapping = new HashSet<>();

    private ServiceConfig(String service) {
        this.service = service;
    }

    static ServiceConfig of(String service) {
        Path module = Services.module(service);
        ServiceConfig config = new ServiceConfig(service);
        for (Path library : libraries(module)) {
            config.readModule(library, "META-INF/microprofile-config.properties");
        }
        config.readModule(module, "application.properties");
        return config;
    }

    String service() {
        return service;
    }

    /** True when the variable names a key this service reads. */
    boolean reads(String environmentVariable) {
        return keys.stream().anyMatch(key -> environmentVariable.matches(envPattern(key)));
    }

    /** The variables that name no key this service reads (the launcher's aside). */
    List<String> unread(Collection<String> variables) {
        return variables.stream().filter(v -> !LAUNCHER_VARIABLES.contains(v) && !reads(v)).sorted().toList();
    }

    /** The keys a deployed service needs that none of the variables sets. */
    List<String> unset(Collection<String> variables) {
        Set<String> needed = new TreeSet<>(requiredKeys());
        needed.addAll(DEPLOYED_KEYS);
        return needed.stream().filter(key -> !variables.contains(envName(key))).toList();
    }

    /** Keys production must set: they have a value only in dev and test, or a mapping with no default. */
    Set<String> requiredKeys() {
        Set<String> required = new TreeSet<>(unsetOutsideDevAndTest);
        required.removeAll(setForAllProfiles);
        required.removeAll(optionalInMapping);
        return required;
    }

    static String envName(String key) {
        return key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    private static String envPattern(String key) {
        return Stream.of(key.split("\\*", -1)).map(part -> Pattern.quote(envName(part)))
                .reduce((a, b) -> a + "[A-Z0-9_]+" + b).orElseThrow();
    }

    /**
     * platform-kit always; grades-core (which brings the outbox) and platform-outbox and platform-broker (which the
     * outbox uses) where the pom says so.
     */
    private static List<Path> libraries(Path module) {
        List<Path> libraries = new ArrayList<>(List.of(Repo.path("services/platform-kit")));
        String pom = Files2.read(module.resolve("pom.xml"));
        boolean gradesCore = pom.contains("<artifactId>grades-core</artifactId>");
        if (gradesCore) {
            libraries.add(Repo.path("services/grades-core"));
        }
        boolean outbox = gradesCore || pom.contains("<artifactId>platform-outbox</artifactId>");
        if (outbox) {
            libraries.add(Repo.path("services/platform-outbox"));
        }
        if (outbox || pom.contains("<artifactId>platform-broker</artifactId>")) {
            libraries.add(Repo.path("services/platform-broker"));
        }
        return libraries;
    }

    private void readModule(Path module, String propertiesFile) {
        Path resources = module.resolve("src/main/resources");
        Path properties = resources.resolve(propertiesFile);
        if (Files.exists(properties)) {
            readProperties(Files2.read(properties));
        }
        try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).map(Files2::read).forEach(this::readJava);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readProperties(String text) {
        for (String line : text.split("\n")) {
            line = line.strip();
            int equals = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || equals < 0) {
                continue;
            }
            String key = line.substring(0, equals).strip();
            Matcher reference = REFERENCE.matcher(line.substring(equals + 1));
            while (reference.find()) {
                keys.add(reference.group(1));
            }
            if (key.startsWith(DEV_AND_TEST)) {
                unsetOutsideDevAndTest.add(key.substring(DEV_AND_TEST.length()));
            } else if (!key.startsWith("%")) {
                setForAllProfiles.add(key);
            }
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
    }

    private void readJava(String source) {
        ConfigMappingSource.keys(source).ifPresent(mapped -> mapped.forEach(key -> {
            keys.add(key.name());
            if (key.required()) {
                unsetOutsideDevAndTest.add(key.name());
            } else {
                optionalInMapping.add(key.name());
            }
        }));
        Matcher property = CONFIG_PROPERTY.matcher(source);
        while (property.find()) {
            keys.add(property.group(1));
        }
    }
}
