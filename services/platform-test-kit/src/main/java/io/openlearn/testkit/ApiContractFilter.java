package io.openlearn.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
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
 */
public final class ApiContractFilter implements OrderedFilter {

    private final OpenApiValidationFilter validation;
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
        this.validation = new OpenApiValidationFilter(validator);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext ctx) {
        String path = URI.create(request.getURI()).getPath();
        if (path.startsWith("/api/")) {
            return validation.filter(request, response, ctx);
        }
        return ctx.next(request, response);
    }

    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    public String contractFile() {
        return contractFile;
    }
}
