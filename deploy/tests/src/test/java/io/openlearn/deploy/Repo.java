package io.openlearn.deploy;

import java.nio.file.Path;

/** Paths in the repository these tests check; Maven passes the root, an IDE run falls back to the module's parent. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("openlearn.repo.root", "../..")).toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("helm/openlearn");
    static final Path COMPOSE_DIR = ROOT.resolve("deploy/compose");

    private Repo() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }
}
