package io.openlearn.testkit.fuzz;

import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openlearn.testkit.fuzz.ContractCatalog.Match;
import io.openlearn.testkit.fuzz.ContractCatalog.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Judges one answer to a {@link FuzzCase}:
 * <ul>
 *   <li>{@code 5xx}: any status of 500 or more;</li>
 *   <li>{@code non-problem}: a 4xx or 5xx that is not {@code application/problem+json} with a problem object
 *   ({@code type}, {@code title}, {@code status} equal to the HTTP status);</li>
 *   <li>{@code undeclared}: a status the operation the path routes to does not declare, or a declared one whose
 *   body, content type or headers do not match the contract (the swagger-request-validator, response side);</li>
 *   <li>{@code accepted}: a 2xx to a request the contract or the platform refuses (unknown field, wrong type, NUL,
 *   no credentials, a header or URI over the gateway's limits);</li>
 *   <li>{@code no-answer}: the connection failed or timed out.</li>
 * </ul>
 * The gateway answers some statuses on every proxied operation, whatever the operation's contract says:
 * {@link #GATEWAY_STATUSES}. A path that routes to no operation of the method (a {@code ..} that climbed out, an
 * empty segment) may only be refused with 400, 404 or 405.
 */
public final class FuzzChecker {

    /** Answered by the gateway itself for any proxied operation: declared here once instead of per operation. */
    public static final Set<Integer> GATEWAY_STATUSES = Set.of(401, 413, 414, 429, 431, 503);
    /** Refusals of a path that matches no operation of its method. */
    public static final Set<Integer> UNROUTED_STATUSES = Set.of(400, 404, 405);

    public enum Kind {
        SERVER_ERROR("5xx"),
        NO_ANSWER("no-answer"),
        NOT_PROBLEM("non-problem"),
        UNDECLARED("undeclared"),
        ACCEPTED("accepted");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    public record Finding(Kind kind, FuzzCase fuzzCase, int status, String contentType, String bodySample,
            String detail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> validatedShapes = new ConcurrentHashMap<>();
    private final ContractCatalog catalog;
    private final FuzzGenerator generator;

    public FuzzChecker(ContractCatalog catalog, FuzzGenerator generator) {
        this.catalog = catalog;
        this.generator = generator;
    }

    public Finding noAnswer(FuzzCase c, Throwable failure) {
        return new Finding(Kind.NO_ANSWER, c, 0, null, "", failure.getClass().getSimpleName() + ": "
                + failure.getMessage());
    }

    public List<Finding> check(FuzzCase c, int status, Map<String, List<String>> headers, byte[] body) {
        List<Finding> out = new ArrayList<>();
        String contentType = header(headers, "content-type");
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        String sample = sample(text);
        if (status >= 500) {
            out.add(new Finding(Kind.SERVER_ERROR, c, status, contentType, sample, ""));
        }
        if (status >= 400) {
            String problem = problemDefect(status, contentType, text);
            if (problem != null) {
                out.add(new Finding(Kind.NOT_PROBLEM, c, status, contentType, sample, problem));
            }
        }
        Match match = catalog.match(c.method(), c.path());
        Operation op = match.operation();
        if (op != null) {
            String routed = op == c.operation() ? "" : " (the path routes to " + op.id() + ")";
            if (declares(op, status)) {
                String messages = validated(op, status, contentType, headers, text);
                if (!messages.isEmpty()) {
                    out.add(new Finding(Kind.UNDECLARED, c, status, contentType, sample,
                            cut(messages, 400) + routed));
                }
            } else if (!GATEWAY_STATUSES.contains(status)) {
                out.add(new Finding(Kind.UNDECLARED, c, status, contentType, sample,
                        "status " + status + " is not declared by " + op.id() + routed));
            }
        } else if (!UNROUTED_STATUSES.contains(status) && !GATEWAY_STATUSES.contains(status)) {
            out.add(new Finding(Kind.UNDECLARED, c, status, contentType, sample, "the path matches "
                    + (match.pathKnown() ? "no " + c.method() + " operation" : "no operation")
                    + " of the contracts (after normalization), answered " + status));
        }
        if (status >= 200 && status < 300 && refused(c)) {
            out.add(new Finding(Kind.ACCEPTED, c, status, contentType, sample,
                    "a 2xx to a request refused by " + c.invalidBy()));
        }
        return out;
    }

    /**
     * The contract's complaints about an answer, response side. Refusals of one operation mostly differ only in
     * their wording: an error answer is validated once per operation, status and shape (its members and their
     * types, with {@code detail}, {@code instance}, {@code requestId} and field messages left out), which keeps the
     * validator's cost from dominating the run. Successful answers are always validated.
     */
    private String validated(Operation op, int status, String contentType, Map<String, List<String>> headers,
            String text) {
        String key = status >= 400 ? op.id() + "|" + status + "|" + contentType + "|" + shape(text) : null;
        if (key != null) {
            String known = validatedShapes.get(key);
            if (known != null) {
                return known;
            }
        }
        SimpleResponse.Builder response = new SimpleResponse.Builder(status).withBody(text);
        if (headers != null) {
            headers.forEach((name, list) -> {
                if (!name.equalsIgnoreCase("content-type")) {
                    response.withHeader(name, list);
                }
            });
        }
        if (contentType != null) {
            response.withContentType(contentType);
        }
        ValidationReport report = catalog.validateResponse(op, response.build());
        String messages = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> m.getKey().startsWith("validation.response"))
                .map(m -> m.getKey() + ": " + m.getMessage().replaceAll("\\s+", " "))
                .distinct().collect(Collectors.joining("; "));
        if (key != null) {
            validatedShapes.put(key, messages);
        }
        return messages;
    }

    private static String shape(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node instanceof ObjectNode object) {
                for (String volatileMember : List.of("detail", "instance", "requestId", "error_description")) {
                    if (object.has(volatileMember)) {
                        object.put(volatileMember, object.get(volatileMember).isTextual() ? "" : "?");
                    }
                }
                if (object.get("errors") instanceof ArrayNode errors) {
                    for (JsonNode error : errors) {
                        if (error instanceof ObjectNode e && e.has("message")) {
                            e.put("message", e.get("message").isTextual() ? "" : "?");
                        }
                    }
                }
            }
            return String.valueOf(node);
        } catch (Exception notJson) {
            return "not json: " + text.length();
        }
    }

    private boolean refused(FuzzCase c) {
        String by = c.invalidBy();
        if (by == null) {
            return false;
        }
        if (by.equals("malformed") || by.equals("policy") || by.equals("credentials") || by.equals("edge")) {
            return true;
        }
        return by.equals("contract") && generator.contractRefuses(c);
    }

    private static boolean declares(Operation op, int status) {
        String code = Integer.toString(status);
        return op.statuses().contains(code) || op.statuses().contains("default")
                || op.statuses().contains(code.charAt(0) + "XX") || op.statuses().contains(code.charAt(0) + "xx");
    }

    /** Null when the answer is a problem, else what is wrong with it. */
    static String problemDefect(int status, String contentType, String text) {
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/problem+json")) {
            return "Content-Type " + (contentType == null ? "absent" : contentType) + (text.isEmpty() ? ", empty body"
                    : "");
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                return "body is not a JSON object";
            }
            if (!node.path("type").isTextual() || !node.path("title").isTextual()) {
                return "problem without type or title";
            }
            if (!node.path("status").isInt() || node.path("status").asInt() != status) {
                return "problem status " + node.path("status") + " differs from the HTTP status " + status;
            }
            return null;
        } catch (Exception e) {
            return "body is not JSON";
        }
    }

    static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    static String sample(String text) {
        String cut = text.length() > 200 ? text.substring(0, 200) : text;
        StringBuilder out = new StringBuilder();
        for (char ch : cut.toCharArray()) {
            if (ch < 0x20 || ch == 0x7f) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "..." : text;
    }
}
