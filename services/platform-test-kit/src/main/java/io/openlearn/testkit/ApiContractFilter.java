package io.openlearn.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.nio.file.Path;

/**
 * Validates every REST Assured call to an {@code /api/} path against the service's contract in {@code contracts/}:
 * an undocumented path, status, parameter or field fails the test. Framework endpoints under {@code /q/} are not
 * part of the contract and pass unchecked.
 * <p>
 * Tests send invalid requests on purpose to prove the 4xx answers; for those the request side is not held against
 * the test, but the error response must still match the contract. A request the contract forbids that the service
 * accepts (2xx or 3xx) fails: the service is looser than what it publishes.
 */
public final class ApiContractFilter implements OrderedFilter {

    private final OpenApiInteractionValidator validator;
    private final String contractFile;

    public ApiContractFilter(Path contract) {
        this.contractFile = contract.toString();
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForSpecificationUrl(contract.toUri().toString())
                .withLevelResolver(LevelResolver.create()
                        // undocumented fields are contract drift, not something to tolerate
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                        .withLevel("validation.response.body.missing", ValidationReport.Level.ERROR)
                        // tests send missing and hostile credentials on purpose to prove the 401s
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        this.validator = validator;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext ctx) {
        String path = URI.create(request.getURI()).getPath();
        Response answer = ctx.next(request, response);
        if (!path.startsWith("/api/")) {
            return answer;
        }
        Request interaction = RestAssuredRequest.of(request);
        ValidationReport report = validator.validate(interaction, RestAssuredResponse.of(answer));
        boolean refused = answer.statusCode() >= 400 && answer.statusCode() < 500;
        if (refused) {
            report = ValidationReport.from(report.getMessages().stream()
                    .filter(message -> !message.getKey().startsWith("validation.request"))
                    .toList());
        }
        if (report.hasErrors()) {
            throw new AssertionError("Contract " + contractFile + " violated by " + request.getMethod() + " " + path
                    + " -> " + answer.statusCode() + ":\n" + SimpleValidationReportFormat.getInstance().apply(report));
        }
        return answer;
    }

    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    public String contractFile() {
        return contractFile;
    }
}
