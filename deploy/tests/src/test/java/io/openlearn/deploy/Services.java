package io.openlearn.deploy;

import java.nio.file.Path;
import java.util.List;

/** The deployable services and the module each is built from. */
final class Services {

    static final List<String> ALL = List.of("gateway", "auth", "course-authoring", "content-repository",
            "enrollment", "submission", "grades", "grades-worker");

    private Services() {
    }

    static Path module(String service) {
        return Repo.path("gateway".equals(service) ? "gateway" : "services/" + service);
    }

    /** The port the service listens on: quarkus.http.port of its application.properties. */
    static int port(String service) {
        return Integer.parseInt(property(service, "quarkus.http.port"));
    }

    static String property(String service, String key) {
        return Files2.lines(module(service).resolve("src/main/resources/application.properties")).stream()
                .filter(line -> line.startsWith(key + "="))
                .map(line -> line.substring(key.length() + 1).strip())
                .findFirst().orElseThrow(() -> new AssertionError(service + " does not set " + key));
    }
}
