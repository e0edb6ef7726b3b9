package io.openlearn.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class DockerfilesTest {

    static final List<String> SERVICES = Services.ALL;
    private static final Pattern APPEND = Pattern.compile("ENV JAVA_OPTS_APPEND=\"([^\"]*)\"");

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void imageRunsTheFastJarAsANumericNonRootUserOnTheServicePort(String service) {
        List<String> lines = Files2.lines(Services.module(service).resolve("src/main/docker/Dockerfile.jvm"));
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertTrue(user.matches("USER [1-9][0-9]*"), user);
        assertTrue(lines.contains("EXPOSE " + Services.port(service)));
        for (String layer : List.of("lib/", "*.jar", "app/", "quarkus/")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("COPY --chown=185 target/quarkus-app/" + layer)),
                    layer);
        }
        assertTrue(Files2.read(Services.module(service).resolve(".dockerignore")).contains("!target/quarkus-app/*"));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void chartJvmOptionsKeepWhatTheImageSetsSinceTheyReplaceIt(String service) {
        Matcher append =
                APPEND.matcher(Files2.read(Services.module(service).resolve("src/main/docker/Dockerfile.jvm")));
        assertTrue(append.find());
        String chartOptions = Yaml.read(Repo.CHART.resolve("values.yaml")).path("jvmOptions").asText();
        for (String option : append.group(1).split(" ")) {
            assertTrue(chartOptions.contains(option), option);
        }
    }
}
