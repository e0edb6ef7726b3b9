package io.openlearn.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** A service's contract as contracts/ holds it ({@code openlearn.contracts.dir}, set by the build for every test). */
public final class ContractDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractDocument() {
    }

    /** The paths and methods of contracts/{contract}.openapi.yaml, as "GET /api/...". */
    public static Set<String> operations(String contract) {
        Path file = Path.of(System.getProperty("openlearn.contracts.dir", "contracts"), contract + ".openapi.yaml");
        try {
            return operations(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the contract " + file, e);
        }
    }

    /** The operations of an OpenAPI document in JSON, e.g. one a service serves at /q/openapi?format=json. */
    public static Set<String> operationsOfJson(String document) {
        try {
            return operations(JSON.readTree(document));
        } catch (IOException e) {
            throw new UncheckedIOException("not an OpenAPI document in JSON", e);
        }
    }

    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> {
                    if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                        operations.add(method.toUpperCase() + " " + path.getKey());
                    }
                }));
        return operations;
    }
}
