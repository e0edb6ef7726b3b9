package io.openlearn.testkit.fuzz;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every operation of the services' contracts ({@code contracts/<name>.openapi.yaml}), with the parameters and body
 * schema the fuzz generator mutates, and one {@link OpenApiInteractionValidator} per contract to judge the answers
 * (configured as {@code ApiContractFilter} is: undocumented fields are errors, missing credentials are not).
 */
public final class ContractCatalog {

    /** One operation of a contract, its schemas fully resolved. */
    public record Operation(String contract, String method, String template, List<Parameter> pathParams,
            List<Parameter> queryParams, List<Parameter> headerParams, String bodyMediaType,
            Schema<?> bodySchema, boolean bodyRequired, Set<String> statuses, boolean publicOp) {

        public String id() {
            return method + " " + template;
        }

        /** GET and HEAD change nothing: every mutation may be sent as it is. */
        public boolean safe() {
            return "GET".equals(method) || "HEAD".equals(method);
        }

        public boolean hasBody() {
            return bodyMediaType != null;
        }

        public boolean jsonBody() {
            return bodyMediaType != null && bodyMediaType.contains("json");
        }

        public boolean formBody() {
            return "application/x-www-form-urlencoded".equals(bodyMediaType);
        }

        /** The API name in {@code /api/<name>/...}: the gateway's route and the service behind it. */
        public String route() {
            String[] parts = template.split("/");
            return parts.length > 2 ? parts[2] : "";
        }

        List<String> segments() {
            return List.of(template.substring(1).split("/", -1));
        }
    }

    /** Where a path sent lands: the operation of that method, or only a path known for other methods, or nothing. */
    public record Match(Operation operation, boolean pathKnown) {
    }

    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, OpenApiInteractionValidator> validators = new LinkedHashMap<>();

    private ContractCatalog() {
    }

    /** Reads {@code <dir>/<name>.openapi.yaml} for each name. */
    public static ContractCatalog load(Path dir, Collection<String> names) {
        ContractCatalog catalog = new ContractCatalog();
        // the parser finds its extensions with ServiceLoader: let it search the loader that loaded the parser
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ContractCatalog.class.getClassLoader());
        try {
            for (String name : names) {
                Path file = dir.resolve(name + ".openapi.yaml");
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException("Contract " + file.toAbsolutePath() + " is missing");
                }
                catalog.read(name, file);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        catalog.operations.sort(Comparator.comparing(Operation::template).thenComparing(Operation::method));
        return catalog;
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    private void read(String name, Path file) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().read(file.toUri().toString(), null, options);
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException("Contract " + file + " could not be parsed");
        }
        boolean securedByDefault = api.getSecurity() != null && !api.getSecurity().isEmpty();
        api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((httpMethod, op) -> {
            Map<String, Parameter> params = new LinkedHashMap<>();
            for (List<Parameter> list : java.util.Arrays.asList(item.getParameters(), op.getParameters())) {
                if (list != null) {
                    for (Parameter p : list) {
                        Parameter resolved = resolve(api, p);
                        params.put(resolved.getIn() + ":" + resolved.getName(), resolved);
                    }
                }
            }
            List<Parameter> path = new ArrayList<>();
            List<Parameter> query = new ArrayList<>();
            List<Parameter> header = new ArrayList<>();
            for (Parameter p : params.values()) {
                switch (p.getIn()) {
                    case "path" -> path.add(p);
                    case "query" -> query.add(p);
                    case "header" -> header.add(p);
                    default -> {
                    }
                }
            }
            String mediaType = null;
            Schema<?> bodySchema = null;
            RequestBody body = op.getRequestBody();
            boolean bodyRequired = body != null && Boolean.TRUE.equals(body.getRequired());
            if (body != null && body.getContent() != null && !body.getContent().isEmpty()) {
                Map.Entry<String, MediaType> first = body.getContent().entrySet().iterator().next();
                mediaType = first.getKey();
                bodySchema = first.getValue().getSchema();
            }
            boolean isPublic = op.getSecurity() != null ? op.getSecurity().isEmpty() : !securedByDefault;
            Set<String> statuses = new LinkedHashSet<>(op.getResponses() == null ? Set.of()
                    : op.getResponses().keySet());
            operations.add(new Operation(name, httpMethod.name(), template, List.copyOf(path), List.copyOf(query),
                    List.copyOf(header), mediaType, bodySchema, bodyRequired, statuses, isPublic));
        }));
        validators.put(name, OpenApiInteractionValidator.createForSpecificationUrl(file.toUri().toString())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                        .withLevel("validation.response.body.missing", ValidationReport.Level.ERROR)
                        // anonymous callers and hostile tokens are part of the fuzz, not a fault of the request
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    private static Parameter resolve(OpenAPI api, Parameter p) {
        if (p.get$ref() == null) {
            return p;
        }
        String ref = p.get$ref();
        String key = ref.substring(ref.lastIndexOf('/') + 1);
        Parameter found = api.getComponents().getParameters().get(key);
        if (found == null) {
            throw new IllegalStateException("Unresolved parameter " + ref);
        }
        return found;
    }

    /** The request side only: what the contract says is wrong with a request (credentials aside). */
    public ValidationReport validateRequest(Operation op, Request request) {
        return validators.get(op.contract()).validateRequest(request);
    }

    /** The response side only, against the operation's declared answers. */
    public ValidationReport validateResponse(Operation op, Response response) {
        return validators.get(op.contract()).validateResponse(samplePath(op), Request.Method.valueOf(op.method()),
                response);
    }

    /** The operation's template with a harmless value in each path parameter (for the validator's path match). */
    static String samplePath(Operation op) {
        return op.template().replaceAll("\\{[^/}]+}", "fuzz");
    }

    /**
     * The operation the gateway and the service would route {@code rawPath} to, after the normalization servers do
     * (percent-encoded dots decoded, dot segments removed, duplicate and trailing slashes dropped). A literal
     * segment beats a parameter, so {@code /users/by-id/x} is not {@code /users/{username}}.
     */
    public Match match(String method, String rawPath) {
        List<String> sent = normalizedSegments(rawPath);
        Operation best = null;
        int bestLiterals = -1;
        boolean pathKnown = false;
        for (Operation op : operations) {
            List<String> template = op.segments();
            if (template.size() != sent.size()) {
                continue;
            }
            int literals = 0;
            boolean fits = true;
            for (int i = 0; i < template.size() && fits; i++) {
                String t = template.get(i);
                if (t.startsWith("{") && t.endsWith("}")) {
                    fits = !sent.get(i).isEmpty();
                } else if (t.equals(sent.get(i))) {
                    literals++;
                } else {
                    fits = false;
                }
            }
            if (!fits) {
                continue;
            }
            pathKnown = true;
            if (op.method().equals(method.toUpperCase(Locale.ROOT)) && literals > bestLiterals) {
                best = op;
                bestLiterals = literals;
            }
        }
        return new Match(best, pathKnown);
    }

    static List<String> normalizedSegments(String rawPath) {
        String path = rawPath;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        List<String> out = new ArrayList<>();
        for (String segment : path.split("/")) {
            String decoded = segment.replace("%2e", ".").replace("%2E", ".");
            if (decoded.isEmpty() || ".".equals(decoded)) {
                continue;
            }
            if ("..".equals(decoded)) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(segment);
        }
        return out;
    }
}
