package io.openlearn.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openlearn.testkit.ContractDocument;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each running service, built as it is deployed, serves its contract from contracts/ at /q/openapi: every
 * operation, nothing generated beside it (a document an operator's tooling and the gateway's docs can trust).
 */
class ServedContractsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Map<String, String> services() {
        return Arrays.stream(System.getProperty("e2e.service-urls").split(",")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }

    static Iterable<String> contracts() {
        return services().keySet();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void servesEveryOperationOfItsContractAtQOpenapi(String contract) throws Exception {
        HttpResponse<String> served = HTTP.send(HttpRequest.newBuilder(
                URI.create(services().get(contract) + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, served.statusCode());
        assertEquals(ContractDocument.operations(contract), ContractDocument.operationsOfJson(served.body()));
    }
}
