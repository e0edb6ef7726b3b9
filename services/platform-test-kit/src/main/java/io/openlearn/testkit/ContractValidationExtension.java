package io.openlearn.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Installs {@link ApiContractFilter} for every test class of a module, so that no REST Assured test can skip
 * contract validation. Auto-registered (ServiceLoader); the build names the module's contract in the system property
 * {@code openlearn.contract} and the folder in {@code openlearn.contracts.dir}.
 */
public final class ContractValidationExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws ReflectiveOperationException {
        // this extension may live in another class loader than the test (Quarkus tests): install through the test's
        ClassLoader testLoader = context.getRequiredTestClass().getClassLoader();
        testLoader.loadClass(ContractInstaller.class.getName()).getMethod("install").invoke(null);
    }
}
