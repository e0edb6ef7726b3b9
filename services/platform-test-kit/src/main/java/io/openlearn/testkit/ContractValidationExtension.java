package io.openlearn.testkit;

import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Installs {@link ApiContractFilter} for every test class of a module, so that no REST Assured test can skip
 * contract validation. Auto-registered (ServiceLoader); the build names the module's contract in the system property
 * {@code openlearn.contract} and the folder in {@code openlearn.contracts.dir}.
 */
public final class ContractValidationExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        String contract = System.getProperty("openlearn.contract", "none");
        if ("none".equals(contract) || RestAssured.filters().stream().anyMatch(ApiContractFilter.class::isInstance)) {
            return;
        }
        Path file = Path.of(System.getProperty("openlearn.contracts.dir", "contracts"), contract + ".openapi.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Contract " + file.toAbsolutePath() + " is missing");
        }
        // the parser finds its extensions with ServiceLoader: let it search the loader that loaded the parser,
        // not the Quarkus test class loader, or its own classes look like foreign ones
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ApiContractFilter.class.getClassLoader());
        try {
            RestAssured.filters(new ApiContractFilter(file));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
