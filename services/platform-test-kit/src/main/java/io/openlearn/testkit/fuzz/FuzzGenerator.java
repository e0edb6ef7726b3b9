package io.openlearn.testkit.fuzz;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openlearn.testkit.fuzz.ContractCatalog.Match;
import io.openlearn.testkit.fuzz.ContractCatalog.Operation;
import io.openlearn.testkit.fuzz.FuzzCase.Size;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Makes the fuzz cases of one operation from its contract, and nothing else: no expectation is written per endpoint.
 * A valid request is built from the schemas and the {@link Values} of real data, then broken one way at a time:
 * <ul>
 *   <li>body: malformed JSON (truncated, trailing garbage, empty, array/string/null/number instead of an object,
 *   a duplicate key, 5,000 levels of nesting, invalid UTF-8), each field with the wrong type (string, number,
 *   boolean, array, object, {@code {"$gt": ""}}, null, out-of-range and overflowing numbers, values outside the enum,
 *   the format or the pattern), each required field missing, an unknown field, and in each string field a 100,000
 *   character string, NUL and control characters, a lone surrogate and injection strings;</li>
 *   <li>path parameters: empty, 2,000 characters, {@code %00}, {@code %01}, CR LF, {@code ..} (plain and
 *   percent-encoded), {@code ../../etc/passwd}, SQL, script, JNDI and operator strings, invalid UTF-8;</li>
 *   <li>query parameters: wrong types, out-of-range numbers, bad cursors, bad dates, NUL, control characters,
 *   injection strings, 2,000 characters, required ones missing;</li>
 *   <li>headers: declared header parameters missing or wrong, the wrong {@code Content-Type}, a 20 KB header,
 *   a 10 KB query string; for anonymous callers a token that is no JWT and one over 8 KB;</li>
 *   <li>sizes ({@link #oversizedCases}): a body over the route's limit, a declared length over it.</li>
 * </ul>
 * Nothing valid that changes data is ever sent: a write whose mutation the contract still allows (a long title
 * without {@code maxLength}, say) is sent to a course run and ids that do not exist, or not at all when the
 * operation has no path parameter. Reads are sent as mutated. The same seed gives the same cases.
 */
public final class FuzzGenerator {

    /** The real data the valid request is built from. */
    public interface Values {
        /** A valid value (not encoded) for a path parameter of the operation. */
        String path(Operation op, String name);

        /** A valid value for a required query parameter. */
        String query(Operation op, String name);

        /** A valid value for a header parameter, or null to leave an optional one out. */
        String header(Operation op, String name);
    }

    public static final String MISSING_COURSE = "course-v1:FuzzMissing+None+0000";
    public static final String MISSING_ID = "00000000-0000-4000-8000-00000000f022";
    public static final String ANONYMOUS = "anonymous";
    public static final int HUGE_STRING = 100_000;
    public static final int OVERSIZED_HEADER = 20 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[][] INJECTIONS = {
            {"sql", "' OR 1=1--"}, {"traversal", "../../etc/passwd"}, {"script", "<script>alert(1)</script>"},
            {"jndi", "${jndi:ldap://x}"}, {"crlf", "fuzz\r\nX-Injected: 1"}};
    /** Path parameter values, already percent-encoded as they go on the wire. */
    private static final String[][] PATH_VALUES = {
            {"empty", ""}, {"long-2000", "a".repeat(2000)}, {"nul", "%00"}, {"control", "%01"}, {"crlf", "%0D%0A"},
            {"dotdot", ".."}, {"dotdot-encoded", "%2e%2e"}, {"traversal", "..%2F..%2Fetc%2Fpasswd"},
            {"sql", "%27%20OR%201%3D1--"}, {"script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"},
            {"jndi", "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D"}, {"operator", "%7B%22%24gt%22%3A%22%22%7D"},
            {"bad-utf8", "%FF%FE"}};
    private static final String[] CURSOR_NAMES = {"after", "before", "cursor", "since", "from", "to"};

    private final ContractCatalog catalog;
    private final Values values;
    private final long seed;
    private final int anonymousSampleOneIn;

    /**
     * @param anonymousSampleOneIn anonymous callers are refused before their input is read: of their body, path
     *                             and query cases one in this many (chosen by the seed) is sent
     */
    public FuzzGenerator(ContractCatalog catalog, Values values, long seed, int anonymousSampleOneIn) {
        this.catalog = catalog;
        this.values = values;
        this.seed = seed;
        this.anonymousSampleOneIn = Math.max(1, anonymousSampleOneIn);
    }

    // ------------------------------------------------------------------------------------------------ the base

    /** The valid request every case of an operation starts from. */
    private final class Base {
        final Operation op;
        final String caller;
        final Map<String, String> pathValues = new LinkedHashMap<>(); // encoded
        final List<String[]> query = new ArrayList<>(); // encoded name, value
        final Map<String, String> headers = new LinkedHashMap<>();
        final JsonNode json;
        final Map<String, String> form;

        Base(Operation op, String caller) {
            this.op = op;
            this.caller = caller;
            for (Parameter p : op.pathParams()) {
                pathValues.put(p.getName(), encodeSegment(values.path(op, p.getName())));
            }
            for (Parameter p : op.queryParams()) {
                if (Boolean.TRUE.equals(p.getRequired())) {
                    query.add(new String[] {encodeQuery(p.getName()), encodeQuery(values.query(op, p.getName()))});
                }
            }
            for (Parameter p : op.headerParams()) {
                String value = values.header(op, p.getName());
                if (value == null && Boolean.TRUE.equals(p.getRequired())) {
                    value = "fuzz";
                }
                if (value != null) {
                    headers.put(p.getName(), value);
                }
            }
            if (op.jsonBody()) {
                json = example(op.bodySchema(), 0);
                form = null;
                headers.put("Content-Type", "application/json");
            } else if (op.formBody()) {
                json = null;
                form = new LinkedHashMap<>();
                if (op.bodySchema() != null && op.bodySchema().getProperties() != null) {
                    // no example of a credential is a real one: every form case is refused as bad input
                    op.bodySchema().getProperties().forEach((name, schema) -> form.put(name,
                            schema.getExample() != null ? schema.getExample().toString() : "fuzz-not-a-token"));
                }
                headers.put("Content-Type", op.bodyMediaType());
            } else {
                json = null;
                form = null;
                if (op.hasBody()) {
                    headers.put("Content-Type", op.bodyMediaType().contains("*") ? "application/octet-stream"
                            : op.bodyMediaType());
                }
            }
        }

        String path(Map<String, String> encodedValues) {
            String path = op.template();
            for (Map.Entry<String, String> e : encodedValues.entrySet()) {
                path = path.replace("{" + e.getKey() + "}", e.getValue());
            }
            return path;
        }

        String query(List<String[]> pairs) {
            StringBuilder out = new StringBuilder();
            for (String[] pair : pairs) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(pair[0]).append('=').append(pair[1]);
            }
            return out.toString();
        }

        Map<String, String> retargeted() {
            Map<String, String> missing = new LinkedHashMap<>();
            for (Parameter p : op.pathParams()) {
                missing.put(p.getName(), encodeSegment(missingValue(p)));
            }
            return missing;
        }

        byte[] jsonBytes(JsonNode node) {
            try {
                return JSON.writeValueAsBytes(node);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] formBytes(Map<String, String> fields) {
            StringBuilder out = new StringBuilder();
            fields.forEach((k, v) -> {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(encodeQuery(k)).append('=').append(encodeQuery(v));
            });
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }

        byte[] bodyBytes() {
            if (json != null) {
                return jsonBytes(json);
            }
            if (form != null) {
                return formBytes(form);
            }
            return null;
        }
    }

    private static String missingValue(Parameter p) {
        String name = p.getName();
        if ("courseKey".equals(name)) {
            return MISSING_COURSE;
        }
        if (p.getSchema() != null && "integer".equals(type(p.getSchema()))) {
            return "999999999";
        }
        boolean uuid = p.getSchema() != null && "uuid".equals(p.getSchema().getFormat());
        if (uuid || name.equals("id") || name.endsWith("Id")) {
            return MISSING_ID;
        }
        return "fuzz-missing";
    }

    // ------------------------------------------------------------------------------------------------ cases

    /** Every case of one operation for one caller ({@link #ANONYMOUS} sends no token), in a fixed order. */
    public List<FuzzCase> cases(Operation op, String caller) {
        Base base = new Base(op, caller);
        List<FuzzCase> out = new ArrayList<>();
        Random sample = new Random(seed ^ (op.id() + "|" + caller).hashCode());
        boolean anonymous = ANONYMOUS.equals(caller) && !op.publicOp();
        Emitter emit = new Emitter(base, out, anonymous ? sample : null);

        if (op.jsonBody()) {
            jsonBodyCases(base, emit);
        } else if (op.formBody()) {
            formBodyCases(base, emit);
        } else if (op.hasBody() && op.bodyMediaType().contains("zip")) {
            for (String[] bad : new String[][] {{"not-a-zip", "fuzz, not a zip"},
                    {"truncated-zip", "PK\u0003\u0004\u0014"}, {"empty", ""}}) {
                emit.body("body.malformed:" + bad[0], bad[1].getBytes(StandardCharsets.ISO_8859_1), null, "malformed");
            }
        }
        pathCases(base, emit);
        queryCases(base, emit);
        headerCases(base, emit);
        edgeCases(base, emit, anonymous || ANONYMOUS.equals(caller));
        return out;
    }

    /**
     * The size cases of one operation whose route takes bodies up to {@code routeLimitBytes}: a declared
     * {@code Content-Length} of the limit + 10 MB with no body following, and, if {@code sendBody}, a JSON body of
     * the limit + 1 MB sent in full. The body is refused JSON (an unknown field only), so nothing is written even if
     * a limit does not hold.
     */
    public List<FuzzCase> oversizedCases(Operation op, String caller, long routeLimitBytes, boolean sendBody) {
        Base base = new Base(op, caller);
        Carrier carrier = carrier(base, ANONYMOUS.equals(caller), true);
        if (carrier == null) {
            return List.of();
        }
        List<FuzzCase> out = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>(carrier.headers);
        headers.put("Content-Type", "application/json");
        if (sendBody) {
            int size = (int) Math.min(Integer.MAX_VALUE - 64, routeLimitBytes + 1024 * 1024);
            byte[] body = new byte[size];
            byte[] head = "{\"fuzzPadding\":\"".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(head, 0, body, 0, head.length);
            java.util.Arrays.fill(body, head.length, size - 2, (byte) 'a');
            body[size - 2] = '"';
            body[size - 1] = '}';
            out.add(new FuzzCase(op, caller, "size.body-over-route-limit=" + (size / (1024 * 1024)) + "MB",
                    op.method(), carrier.path, carrier.query, headers, body, Size.OVER_ROUTE_LIMIT, "edge"));
        }
        long declared = routeLimitBytes + 10L * 1024 * 1024;
        Map<String, String> declaredHeaders = new LinkedHashMap<>(headers);
        declaredHeaders.put("Content-Length", Long.toString(declared));
        out.add(new FuzzCase(op, caller, "size.declared-over-route-limit=" + (declared / (1024 * 1024)) + "MB",
                op.method(), carrier.path, carrier.query, declaredHeaders, null, Size.DECLARED_OVER_ROUTE_LIMIT,
                "edge"));
        return out;
    }

    /** Collects cases, sampling anonymous ones and keeping writes from ever being valid. */
    private final class Emitter {
        final Base base;
        final List<FuzzCase> out;
        final Random sample;

        Emitter(Base base, List<FuzzCase> out, Random sample) {
            this.base = base;
            this.out = out;
            this.sample = sample;
        }

        boolean sampledOut(boolean always) {
            return sample != null && !always && sample.nextInt(anonymousSampleOneIn) != 0;
        }

        /** A body mutation on the valid path and query. */
        void body(String mutation, byte[] body, Map<String, String> headers, String invalidBy) {
            add(mutation, base.path(base.pathValues), base.query, headers == null ? base.headers : headers, body,
                    invalidBy, false);
        }

        /** A body case sent only to targets that do not exist (not at all without path parameters). */
        void missingTarget(String mutation, byte[] body) {
            if (base.op.pathParams().isEmpty() || sampledOut(false)) {
                return;
            }
            out.add(new FuzzCase(base.op, base.caller, mutation + " @missing-target", base.op.method(),
                    base.path(base.retargeted()), base.query(base.query), base.headers, body, Size.NORMAL,
                    ANONYMOUS.equals(base.caller) && !base.op.publicOp() ? "credentials" : "target"));
        }

        /**
         * Adds a case. {@code invalidBy} null means: ask the contract; a write it allows goes to missing targets.
         */
        void add(String mutation, String path, List<String[]> query, Map<String, String> headers,
                byte[] body, String invalidBy, boolean always) {
            if (sampledOut(always)) {
                return;
            }
            Operation op = base.op;
            FuzzCase c = new FuzzCase(op, base.caller, mutation, op.method(), path,
                    base.query(query), headers, body, Size.NORMAL, invalidBy);
            if (ANONYMOUS.equals(base.caller) && !op.publicOp()) {
                out.add(withInvalidBy(c, invalidBy == null ? "credentials" : invalidBy));
                return;
            }
            if (invalidBy != null) {
                out.add(c);
                return;
            }
            if (contractRefuses(c)) {
                out.add(withInvalidBy(c, "contract"));
            } else if (op.safe()) {
                out.add(withInvalidBy(c, "none (read)"));
            } else if (!op.pathParams().isEmpty()) {
                out.add(new FuzzCase(op, c.caller(), c.mutation() + " @missing-target", c.method(),
                        base.path(base.retargeted()), c.query(), c.headers(), c.body(), c.size(), "target"));
            }
            // a write the contract allows, with nothing to aim it at: not sent
        }
    }

    private static FuzzCase withInvalidBy(FuzzCase c, String invalidBy) {
        return new FuzzCase(c.operation(), c.caller(), c.mutation(), c.method(), c.path(), c.query(), c.headers(),
                c.body(), c.size(), invalidBy);
    }

    private void jsonBodyCases(Base base, Emitter emit) {
        Schema<?> schema = base.op.bodySchema();
        String text = new String(base.jsonBytes(base.json), StandardCharsets.UTF_8);
        boolean object = base.json.isObject();
        // malformed
        emit.body("body.malformed:truncated", utf8(text.substring(0, Math.max(1, text.length() / 2))), null,
                "malformed");
        emit.body("body.malformed:unclosed", utf8(text.substring(0, text.length() - 1)), null, "malformed");
        emit.body("body.malformed:trailing-garbage", utf8(text + "}x"), null, "malformed");
        // where the body is optional, an empty body or JSON null is a request without one: valid, so sent only to
        // targets that do not exist
        if (base.op.bodyRequired()) {
            emit.body("body.malformed:empty", new byte[0], null, "malformed");
            emit.body("body.malformed:null", utf8("null"), null, "malformed");
        } else {
            emit.missingTarget("body.malformed:empty", new byte[0]);
            emit.missingTarget("body.malformed:null", utf8("null"));
        }
        emit.body("body.malformed:not-json", utf8("<fuzz/>"), null, "malformed");
        emit.body("body.malformed:single-quotes", utf8(text.replace('"', '\'')), null, "malformed");
        if (object) {
            emit.body("body.malformed:array", utf8("[]"), null, "malformed");
            emit.body("body.malformed:array-of-body", utf8("[" + text + "]"), null, "malformed");
        }
        emit.body("body.malformed:string", utf8("\"fuzz\""), null, "malformed");
        emit.body("body.malformed:number", utf8("42"), null, "malformed");
        emit.body("body.malformed:deep-nesting", utf8("[".repeat(5000) + "]".repeat(5000)), null, "malformed");
        if (object && base.json.size() > 0) {
            String key = base.json.fieldNames().next();
            JsonNode other = duplicateValue(schema.getProperties() == null ? null : schema.getProperties().get(key),
                    base.json.get(key));
            emit.body("body.malformed:duplicate-key=" + key,
                    utf8("{" + JSON.valueToTree(key).toString() + ":" + other + "," + text.substring(1)), null,
                    "malformed");
        }
        String firstString = firstStringField(base.json);
        ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
        invalidUtf8.writeBytes(utf8("{\"" + (firstString == null ? "fuzz" : firstString) + "\":\"fuzz"));
        invalidUtf8.write(0xC3);
        invalidUtf8.write(0x28);
        invalidUtf8.writeBytes(utf8("\"}"));
        emit.body("body.malformed:invalid-utf8", invalidUtf8.toByteArray(), null, "malformed");
        // absent body
        Map<String, String> noType = new LinkedHashMap<>(base.headers);
        noType.remove("Content-Type");
        emit.body("body.absent", null, noType, null);
        // unknown fields, at the root and in every object that forbids them
        List<Field> fields = new ArrayList<>();
        collect(base.json, schema, new ArrayList<>(), fields, 0);
        if (object) {
            emit.body("body.unknown:fuzzUnknownField", base.jsonBytes(withUnknownField(base.json, List.of())), null,
                    null);
        }
        for (Field f : fields) {
            if (f.schema != null && "object".equals(type(f.schema))
                    && Boolean.FALSE.equals(f.schema.getAdditionalProperties())
                    && at(base.json, f.path) instanceof ObjectNode) {
                emit.body("body.unknown:" + f.name() + ".fuzzUnknownField",
                        base.jsonBytes(withUnknownField(base.json, f.path)), null, null);
            }
        }
        // missing required fields
        for (Field f : fields) {
            if (f.required) {
                emit.body("body.missing:" + f.name(), base.jsonBytes(without(base.json, f.path)), null, null);
            }
        }
        // wrong types and values, field by field
        for (Field f : fields) {
            for (Object[] variant : typeVariants(f.schema)) {
                emit.body("body.type:" + f.name() + "=" + variant[0],
                        base.jsonBytes(with(base.json, f.path, n -> (JsonNode) variant[1])), null, null);
            }
            if ("string".equals(type(f.schema))) {
                emit.body("body.huge:" + f.name(), base.jsonBytes(with(base.json, f.path,
                        n -> NODES.textNode("a".repeat(HUGE_STRING)))), null, null);
                emit.body("body.control:" + f.name() + "=nul", base.jsonBytes(with(base.json, f.path,
                        n -> NODES.textNode("fuzz\u0000fuzz"))), null, "policy");
                emit.body("body.control:" + f.name() + "=soh", base.jsonBytes(with(base.json, f.path,
                        n -> NODES.textNode("fuzz\u0001fuzz"))), null, null);
                emit.body("body.control:" + f.name() + "=lone-surrogate", base.jsonBytes(with(base.json, f.path,
                        n -> NODES.textNode("fuzz\uD800fuzz"))), null, null);
                for (String[] injection : INJECTIONS) {
                    emit.body("body.injection:" + f.name() + "=" + injection[0], base.jsonBytes(with(base.json,
                            f.path, n -> NODES.textNode(injection[1]))), null, null);
                }
            }
        }
    }

    private void formBodyCases(Base base, Emitter emit) {
        // every form case is invalid input: the base carries no real credential (see Base)
        emit.body("body.malformed:bad-percent", utf8("grant_type=%zz&&=&subject_token"), null, "malformed");
        emit.body("body.malformed:empty", new byte[0], null, "malformed");
        emit.body("body.malformed:json-as-form", utf8("{\"grant_type\":1}"), null, "malformed");
        Map<String, String> plus = new LinkedHashMap<>(base.form);
        plus.put("fuzzUnknownField", "fuzz");
        emit.body("body.unknown:fuzzUnknownField", base.formBytes(plus), null, "policy");
        for (String name : base.form.keySet()) {
            Map<String, String> less = new LinkedHashMap<>(base.form);
            less.remove(name);
            emit.body("body.missing:" + name, base.formBytes(less), null, "policy");
            List<String[]> variants = new ArrayList<>();
            variants.add(new String[] {"huge", "a".repeat(HUGE_STRING)});
            variants.add(new String[] {"nul", "fuzz\u0000fuzz"});
            variants.add(new String[] {"soh", "fuzz\u0001fuzz"});
            variants.add(new String[] {"empty", ""});
            variants.add(new String[] {"not-a-jwt-but-dotted", "a.b.c"});
            variants.add(new String[] {"alg-none-jwt", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJmdXp6In0."});
            variants.add(new String[] {"bad-base64-jwt", "eyJ%%%.eyJ%%%.sig"});
            for (String[] injection : INJECTIONS) {
                variants.add(injection);
            }
            for (String[] v : variants) {
                Map<String, String> changed = new LinkedHashMap<>(base.form);
                changed.put(name, v[1]);
                emit.body("body.value:" + name + "=" + v[0], base.formBytes(changed), null, "policy");
            }
        }
        String first = base.form.keySet().stream().findFirst().orElse("grant_type");
        emit.body("body.malformed:duplicate-key=" + first,
                utf8(new String(base.formBytes(base.form), StandardCharsets.UTF_8) + "&" + first + "=fuzz"), null,
                "policy");
    }

    private void pathCases(Base base, Emitter emit) {
        Operation op = base.op;
        for (Parameter p : op.pathParams()) {
            for (String[] value : PATH_VALUES) {
                Map<String, String> changed = new LinkedHashMap<>(base.pathValues);
                changed.put(p.getName(), value[1]);
                if (!op.safe() && landsElsewhere(op, base.path(changed))) {
                    continue; // e.g. '..' turning a DELETE of one thing into a DELETE of its parent
                }
                String invalidBy = value[0].equals("nul") || value[0].equals("control") || value[0].equals("crlf")
                        ? "policy" : "target";
                emit.add("path." + p.getName() + "=" + value[0], base.path(changed), base.query, base.headers,
                        base.bodyBytes(), invalidBy, false);
            }
        }
        emit.add("path.suffix=nul", base.path(base.pathValues) + "%00", base.query, base.headers, base.bodyBytes(),
                "policy", false);
    }

    private boolean landsElsewhere(Operation op, String rawPath) {
        Match match = catalog.match(op.method(), rawPath);
        return match.operation() != null && match.operation() != op;
    }

    private void queryCases(Base base, Emitter emit) {
        Operation op = base.op;
        for (Parameter p : op.queryParams()) {
            String name = encodeQuery(p.getName());
            List<String[]> variants = queryVariants(p);
            for (String[] v : variants) {
                List<String[]> changed = new ArrayList<>();
                for (String[] pair : base.query) {
                    if (!pair[0].equals(name)) {
                        changed.add(pair);
                    }
                }
                changed.add(new String[] {name, v[1]});
                // an empty value commonly means "absent": not held against the service when it answers 2xx
                String invalidBy = v[0].equals("nul") || v[0].equals("control") ? "policy"
                        : v[0].equals("empty") && op.safe() ? "none (empty value)" : null;
                emit.add("query." + p.getName() + "=" + v[0], base.path(base.pathValues), changed, base.headers,
                        base.bodyBytes(), invalidBy, false);
            }
            if (Boolean.TRUE.equals(p.getRequired())) {
                List<String[]> less = new ArrayList<>();
                for (String[] pair : base.query) {
                    if (!pair[0].equals(name)) {
                        less.add(pair);
                    }
                }
                emit.add("query.missing:" + p.getName(), base.path(base.pathValues), less, base.headers,
                        base.bodyBytes(), null, false);
            }
        }
    }

    private static List<String[]> queryVariants(Parameter p) {
        Schema<?> s = p.getSchema();
        String type = s == null ? "string" : type(s);
        List<String[]> out = new ArrayList<>();
        switch (type == null ? "string" : type) {
            case "integer" -> {
                out.add(new String[] {"text", "abc"});
                out.add(new String[] {"fraction", "1.5"});
                out.add(new String[] {"negative", "-1"});
                out.add(new String[] {"zero", "0"});
                out.add(new String[] {"overflow", "99999999999999999999"});
                if (s.getMaximum() != null) {
                    out.add(new String[] {"above-maximum", s.getMaximum().add(BigDecimal.ONE).toPlainString()});
                }
                out.add(new String[] {"empty", ""});
            }
            case "number" -> {
                out.add(new String[] {"text", "abc"});
                out.add(new String[] {"nan", "NaN"});
                out.add(new String[] {"huge", "1e400"});
                out.add(new String[] {"empty", ""});
            }
            case "boolean" -> {
                out.add(new String[] {"text", "maybe"});
                out.add(new String[] {"number", "2"});
                out.add(new String[] {"empty", ""});
            }
            default -> {
                if (s != null && s.getEnum() != null) {
                    out.add(new String[] {"not-in-enum", "fuzz-not-in-enum"});
                }
                if (s != null && "uuid".equals(s.getFormat())) {
                    out.add(new String[] {"bad-uuid", "not-a-uuid"});
                }
                if (s != null && s.getMaxLength() != null) {
                    out.add(new String[] {"over-max-length", "a".repeat(s.getMaxLength() + 1)});
                }
                if (s != null && s.getPattern() != null) {
                    out.add(new String[] {"pattern", encodeQuery("fuzz value!")});
                }
            }
        }
        if (java.util.Arrays.asList(CURSOR_NAMES).contains(p.getName())) {
            out.add(new String[] {"cursor-garbage", "fuzz-garbage"});
            out.add(new String[] {"cursor-base64-json", "eyJ4IjoxfQ"});
            out.add(new String[] {"cursor-base64-sql", "eyJpZCI6IicgT1IgMT0xLS0ifQ"});
            out.add(new String[] {"cursor-negative", "-1"});
            out.add(new String[] {"date-text", "yesterday"});
            out.add(new String[] {"date-out-of-range", encodeQuery("2026-13-45T25:61:00Z")});
            out.add(new String[] {"date-overflow", "99999999999999999999"});
        }
        out.add(new String[] {"nul", "%00"});
        out.add(new String[] {"control", "%01"});
        out.add(new String[] {"long-2000", "a".repeat(2000)});
        out.add(new String[] {"bad-utf8", "%FF%FE"});
        for (String[] injection : INJECTIONS) {
            out.add(new String[] {injection[0], encodeQuery(injection[1])});
        }
        return out;
    }

    private void headerCases(Base base, Emitter emit) {
        Operation op = base.op;
        for (Parameter p : op.headerParams()) {
            if (Boolean.TRUE.equals(p.getRequired())) {
                Map<String, String> less = new LinkedHashMap<>(base.headers);
                less.remove(p.getName());
                emit.add("header.missing:" + p.getName(), base.path(base.pathValues), base.query, less,
                        base.bodyBytes(), null, false);
            }
            Schema<?> s = p.getSchema();
            List<String[]> variants = new ArrayList<>();
            variants.add(new String[] {"garbage", "fuzz-garbage"});
            variants.add(new String[] {"long-1000", "a".repeat(1000)});
            if (s != null && s.getMaxLength() != null) {
                variants.add(new String[] {"over-max-length", "a".repeat(s.getMaxLength() + 1)});
            }
            for (String[] v : variants) {
                Map<String, String> changed = new LinkedHashMap<>(base.headers);
                changed.put(p.getName(), v[1]);
                emit.add("header." + p.getName() + "=" + v[0], base.path(base.pathValues), base.query, changed,
                        base.bodyBytes(), null, false);
            }
        }
        if (op.jsonBody()) {
            byte[] refused = base.json.isObject() ? base.jsonBytes(withUnknownField(base.json, List.of())) : utf8("{");
            for (String[] type : new String[][] {{"text-plain", "text/plain"}, {"xml", "application/xml"},
                    {"form", "application/x-www-form-urlencoded"}}) {
                Map<String, String> changed = new LinkedHashMap<>(base.headers);
                changed.put("Content-Type", type[1]);
                emit.add("header.content-type=" + type[0], base.path(base.pathValues), base.query, changed,
                        refused, "contract", false);
            }
        }
    }

    /** A request to carry an edge mutation: itself invalid unless it only reads. */
    private record Carrier(String path, String query, Map<String, String> headers, byte[] body) {
    }

    private Carrier carrier(Base base, boolean anonymous, boolean sizeCase) {
        Operation op = base.op;
        if (op.safe() || anonymous || op.formBody()) {
            return new Carrier(base.path(base.pathValues), base.query(base.query), base.headers,
                    sizeCase ? null : base.bodyBytes());
        }
        if (op.jsonBody()) {
            return new Carrier(base.path(base.pathValues), base.query(base.query), base.headers, utf8("{"));
        }
        if (!op.pathParams().isEmpty()) {
            Map<String, String> headers = new LinkedHashMap<>(base.headers);
            byte[] body = null;
            if (op.hasBody()) {
                body = utf8("fuzz, not a valid body");
            }
            return new Carrier(base.path(base.retargeted()), base.query(base.query), headers, body);
        }
        return null;
    }

    private void edgeCases(Base base, Emitter emit, boolean anonymous) {
        Operation op = base.op;
        Carrier carrier = carrier(base, anonymous, false);
        if (carrier == null) {
            return;
        }
        Map<String, String> big = new LinkedHashMap<>(carrier.headers);
        big.put("X-Fuzz-Padding", "a".repeat(OVERSIZED_HEADER));
        emit.out.add(new FuzzCase(op, base.caller, "edge.header-20KB", op.method(), carrier.path, carrier.query, big,
                carrier.body, Size.NORMAL, "edge"));
        String longQuery = (carrier.query.isEmpty() ? "" : carrier.query + "&") + "fuzzPadding=" + "a".repeat(10_000);
        emit.out.add(new FuzzCase(op, base.caller, "edge.uri-10KB", op.method(), carrier.path, longQuery,
                carrier.headers, carrier.body, Size.NORMAL, "edge"));
        if (anonymous && !op.publicOp()) {
            for (String[] token : new String[][] {{"not-a-jwt", "Bearer fuzz-not-a-jwt"},
                    {"oversized-token", "Bearer " + "a".repeat(9000)}, {"basic", "Basic ZnV6ejpmdXp6"},
                    {"alg-none", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJmdXp6In0."}}) {
                Map<String, String> headers = new LinkedHashMap<>(carrier.headers);
                headers.put("Authorization", token[1]);
                emit.out.add(new FuzzCase(op, base.caller, "auth." + token[0], op.method(), carrier.path,
                        carrier.query, headers, carrier.body, Size.NORMAL, "credentials"));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ validity

    /** Whether the contract itself refuses the request (credentials aside). */
    public boolean contractRefuses(FuzzCase c) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(c.method(), decode(c.path(), false));
        if (c.query() != null && !c.query().isEmpty()) {
            for (String pair : c.query().split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
                request.withQueryParam(name, value);
            }
        }
        c.headers().forEach(request::withHeader);
        if (c.body() != null && c.body().length > 0 && c.size() == Size.NORMAL) {
            request.withBody(new String(c.body(), StandardCharsets.UTF_8));
        }
        ValidationReport report = catalog.validateRequest(c.operation(), request.build());
        return report.getMessages().stream().anyMatch(m -> m.getLevel() == ValidationReport.Level.ERROR
                && !m.getKey().startsWith("validation.request.security"));
    }

    // ------------------------------------------------------------------------------------------------ schemas

    private record Field(List<Object> path, Schema<?> schema, boolean required) {
        String name() {
            StringBuilder out = new StringBuilder();
            for (Object step : path) {
                if (step instanceof Integer i) {
                    out.append('[').append(i).append(']');
                } else {
                    if (!out.isEmpty()) {
                        out.append('.');
                    }
                    out.append(step);
                }
            }
            return out.toString();
        }
    }

    static String type(Schema<?> s) {
        if (s == null) {
            return null;
        }
        if (s.getType() != null) {
            return s.getType();
        }
        if (s.getTypes() != null && !s.getTypes().isEmpty()) {
            return s.getTypes().iterator().next();
        }
        if (s.getProperties() != null) {
            return "object";
        }
        if (s.getItems() != null) {
            return "array";
        }
        return null;
    }

    private static JsonNode example(Schema<?> s, int depth) {
        if (s == null) {
            return NODES.textNode("fuzz");
        }
        if (s.getDefault() != null) {
            return JSON.valueToTree(s.getDefault());
        }
        if (Boolean.TRUE.equals(s.getNullable())) {
            return NODES.nullNode();
        }
        if (s.getExample() != null && !(s.getExample() instanceof Map) && !(s.getExample() instanceof List)) {
            return JSON.valueToTree(s.getExample());
        }
        if (s.getEnum() != null) {
            for (Object value : s.getEnum()) {
                if (value != null) {
                    return JSON.valueToTree(value);
                }
            }
        }
        String type = type(s);
        if (type == null) {
            type = "string";
        }
        switch (type) {
            case "object" -> {
                ObjectNode node = NODES.objectNode();
                if (depth > 5) {
                    return node;
                }
                if (s.getProperties() != null) {
                    s.getProperties().forEach((name, child) -> node.set(name, example(child, depth + 1)));
                } else if (s.getAdditionalProperties() instanceof Schema<?> values) {
                    node.set("A", example(values, depth + 1));
                }
                return node;
            }
            case "array" -> {
                ArrayNode node = NODES.arrayNode();
                if (depth <= 5) {
                    node.add(example(s.getItems(), depth + 1));
                }
                return node;
            }
            case "integer" -> {
                long value = s.getMinimum() == null ? 1
                        : s.getMinimum().longValue() + (Boolean.TRUE.equals(s.getExclusiveMinimum()) ? 1 : 0);
                if (s.getMaximum() != null && value > s.getMaximum().longValue()) {
                    value = s.getMaximum().longValue();
                }
                return NODES.numberNode(value);
            }
            case "number" -> {
                BigDecimal min = s.getMinimum();
                double value = min == null ? 1 : Math.max(1, min.doubleValue());
                return NODES.numberNode(value);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                if ("date-time".equals(s.getFormat())) {
                    return NODES.textNode("2030-01-01T00:00:00Z");
                }
                if ("date".equals(s.getFormat())) {
                    return NODES.textNode("2030-01-01");
                }
                if ("uuid".equals(s.getFormat())) {
                    return NODES.textNode(MISSING_ID);
                }
                return NODES.textNode("fuzz");
            }
        }
    }

    private static void collect(JsonNode node, Schema<?> s, List<Object> path, List<Field> out, int depth) {
        if (s == null || node == null || depth > 6) {
            return;
        }
        String type = type(s);
        if ("object".equals(type) && node.isObject()) {
            if (s.getProperties() != null) {
                List<String> required = s.getRequired() == null ? List.of() : s.getRequired();
                s.getProperties().forEach((name, child) -> {
                    List<Object> childPath = append(path, name);
                    out.add(new Field(childPath, child, required.contains(name)));
                    collect(node.get(name), child, childPath, out, depth + 1);
                });
            } else if (s.getAdditionalProperties() instanceof Schema<?> values) {
                node.fieldNames().forEachRemaining(name -> {
                    List<Object> childPath = append(path, name);
                    out.add(new Field(childPath, values, false));
                    collect(node.get(name), values, childPath, out, depth + 1);
                });
            }
        } else if ("array".equals(type) && node.isArray() && node.size() > 0) {
            List<Object> childPath = append(path, 0);
            out.add(new Field(childPath, s.getItems(), false));
            collect(node.get(0), s.getItems(), childPath, out, depth + 1);
        }
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> out = new ArrayList<>(path);
        out.add(step);
        return out;
    }

    /** Wrong-typed and out-of-range values for a field: label and JSON value. */
    private static List<Object[]> typeVariants(Schema<?> s) {
        List<Object[]> out = new ArrayList<>();
        String type = type(s);
        boolean nullable = s != null && Boolean.TRUE.equals(s.getNullable());
        JsonNode operator = NODES.objectNode().put("$gt", "");
        switch (type == null ? "any" : type) {
            case "string" -> {
                out.add(new Object[] {"number", NODES.numberNode(12345)});
                out.add(new Object[] {"boolean", NODES.booleanNode(true)});
                out.add(new Object[] {"array", NODES.arrayNode().add("fuzz")});
                out.add(new Object[] {"operator-object", operator});
                if (s.getEnum() != null) {
                    out.add(new Object[] {"not-in-enum", NODES.textNode("fuzz-not-in-enum")});
                }
                if ("date-time".equals(s.getFormat())) {
                    out.add(new Object[] {"date-out-of-range", NODES.textNode("2026-13-45T25:61:00Z")});
                    out.add(new Object[] {"date-text", NODES.textNode("yesterday")});
                    out.add(new Object[] {"date-without-zone", NODES.textNode("2026-01-01T00:00:00")});
                }
                if ("uuid".equals(s.getFormat())) {
                    out.add(new Object[] {"bad-uuid", NODES.textNode("not-a-uuid")});
                }
                if (s.getPattern() != null) {
                    out.add(new Object[] {"pattern", NODES.textNode("fuzz value!")});
                }
                if (s.getMaxLength() != null) {
                    out.add(new Object[] {"over-max-length", NODES.textNode("a".repeat(s.getMaxLength() + 1))});
                }
                out.add(new Object[] {"empty", NODES.textNode("")});
            }
            case "integer", "number" -> {
                out.add(new Object[] {"string", NODES.textNode("12")});
                out.add(new Object[] {"text", NODES.textNode("abc")});
                out.add(new Object[] {"boolean", NODES.booleanNode(true)});
                out.add(new Object[] {"array", NODES.arrayNode().add(1)});
                out.add(new Object[] {"object", operator});
                if ("integer".equals(type)) {
                    out.add(new Object[] {"fraction", NODES.numberNode(1.5)});
                    out.add(new Object[] {"overflow", NODES.numberNode(new BigInteger("99999999999999999999"))});
                } else {
                    out.add(new Object[] {"huge", NODES.numberNode(new BigDecimal("1e400"))});
                }
                if (s.getMinimum() != null) {
                    out.add(new Object[] {"below-minimum", NODES.numberNode(s.getMinimum().subtract(BigDecimal.ONE))});
                }
                if (s.getMaximum() != null) {
                    out.add(new Object[] {"above-maximum", NODES.numberNode(s.getMaximum().add(BigDecimal.ONE))});
                }
                out.add(new Object[] {"negative-huge", NODES.numberNode(new BigInteger("-99999999999999999999"))});
            }
            case "boolean" -> {
                out.add(new Object[] {"string", NODES.textNode("true")});
                out.add(new Object[] {"number", NODES.numberNode(1)});
                out.add(new Object[] {"array", NODES.arrayNode().add(true)});
                out.add(new Object[] {"object", operator});
            }
            case "array" -> {
                out.add(new Object[] {"string", NODES.textNode("fuzz")});
                out.add(new Object[] {"object", NODES.objectNode()});
                out.add(new Object[] {"number", NODES.numberNode(1)});
                out.add(new Object[] {"array-of-arrays", NODES.arrayNode().add(NODES.arrayNode())});
                if (s.getMaxItems() != null) {
                    ArrayNode many = NODES.arrayNode();
                    JsonNode item = example(s.getItems(), 1);
                    for (int i = 0; i <= s.getMaxItems(); i++) {
                        many.add(item);
                    }
                    out.add(new Object[] {"over-max-items", many});
                }
            }
            case "object" -> {
                out.add(new Object[] {"string", NODES.textNode("fuzz")});
                out.add(new Object[] {"array", NODES.arrayNode()});
                out.add(new Object[] {"number", NODES.numberNode(1)});
            }
            default -> {
                out.add(new Object[] {"array", NODES.arrayNode()});
            }
        }
        if (!nullable) {
            out.add(new Object[] {"null", NODES.nullNode()});
        }
        return out;
    }

    private static JsonNode duplicateValue(Schema<?> s, JsonNode current) {
        if (s != null && s.getEnum() != null) {
            for (Object value : s.getEnum()) {
                if (value != null && !Objects.equals(JSON.valueToTree(value), current)) {
                    return JSON.valueToTree(value);
                }
            }
        }
        return current == null ? NODES.textNode("fuzz") : current;
    }

    private static String firstStringField(JsonNode node) {
        if (node != null && node.isObject()) {
            var names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (node.get(name).isTextual()) {
                    return name;
                }
            }
        }
        return null;
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            if (node == null) {
                return null;
            }
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        return node;
    }

    /** A copy of {@code root} with the node at {@code path} replaced by {@code change} of (a copy of) it. */
    private static JsonNode with(JsonNode root, List<Object> path, UnaryOperator<JsonNode> change) {
        JsonNode copy = root.deepCopy();
        if (path.isEmpty()) {
            return change.apply(copy);
        }
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, change.apply(object.get((String) last)));
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, change.apply(array.get((Integer) last)));
        }
        return copy;
    }

    private static JsonNode withUnknownField(JsonNode root, List<Object> path) {
        return with(root, path, n -> ((ObjectNode) n).put("fuzzUnknownField", "fuzz"));
    }

    private static JsonNode without(JsonNode root, List<Object> path) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.remove((String) last);
        } else if (parent instanceof ArrayNode array) {
            array.remove((Integer) last);
        }
        return copy;
    }

    // ------------------------------------------------------------------------------------------------ encoding

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Percent-encodes a path segment, leaving what RFC 3986 allows in one ({@code : @ + ,} ...) as it is. */
    public static String encodeSegment(String raw) {
        StringBuilder out = new StringBuilder();
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (alphanumeric || "-._~:@+,!$'()*=&".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    public static String encodeQuery(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String encoded, boolean query) {
        try {
            String text = query ? encoded : encoded.replace("+", "%2B");
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }
}
