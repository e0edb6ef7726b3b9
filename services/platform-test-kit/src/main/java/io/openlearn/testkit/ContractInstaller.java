package io.openlearn.testkit;

import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts {@link ApiContractFilter} into REST Assured's global filters. Called inside the class loader of the test
 * class: under {@code @QuarkusTest} that loader has its own copy of REST Assured, the one the test really uses.
 */
public final class ContractInstaller {

    private ContractInstaller() {
    }

    public static void install() {
        String contract = System.getProperty("openlearn.contract", "none");
        if ("none".equals(contract) || RestAssured.filters().stream().anyMatch(ApiContractFilter.class::isInstance)) {
            return;
        }
        Path file = Path.of(System.getProperty("openlearn.contracts.dir", "contracts"), contract + ".openapi.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Contract " + file.toAbsolutePath() + " is missing");
        }
        // the parser finds its extensions with ServiceLoader: let it search the loader that loaded the parser
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ContractInstaller.class.getClassLoader());
        try {
            RestAssured.filters(new ApiContractFilter(file));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
