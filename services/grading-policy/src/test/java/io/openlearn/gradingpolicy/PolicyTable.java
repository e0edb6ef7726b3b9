package io.openlearn.gradingpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of valid and invalid grading policies ({@code policy-table.json} next to this class), shipped in this
 * module's test-jar: the rule set's test runs it against {@link GradingPolicyRules}, course-authoring's against its
 * policy PUT and grades' against what-if, so the three cannot drift apart.
 */
public final class PolicyTable {

    /** The type of the problem every platform service answers invalid fields with (platform-kit's Problems). */
    public static final String VALIDATION_PROBLEM = "urn:openlearn:problem:validation";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param name  what the row is about
     * @param field the one field the policy breaks, or null when it is valid
     * @param body  the request body as JSON
     */
    public record Row(String name, String field, JsonNode body) {

        public boolean valid() {
            return field == null;
        }

        /** The body as JSON text, without the named top-level fields (an endpoint that does not take them). */
        public String json(String... without) {
            ObjectNode copy = body.deepCopy();
            copy.remove(List.of(without));
            return copy.toString();
        }

        /**
         * What is wrong with an endpoint's answer to this row, or null when it is right: a valid policy is taken
         * (200), an invalid one refused with the platform's validation problem naming exactly this row's field.
         */
        public String mismatch(int status, String contentType, String problemType, List<String> fields) {
            if (valid()) {
                return status == 200 ? null : "expected 200, got " + status;
            }
            if (status != 400 || contentType == null || !contentType.startsWith("application/problem+json")) {
                return "expected a 400 problem, got " + status + " " + contentType;
            }
            if (!VALIDATION_PROBLEM.equals(problemType)) {
                return "expected a problem of type " + VALIDATION_PROBLEM + ", got " + problemType;
            }
            return List.of(field).equals(fields) ? null : "expected errors on " + field + " only, got " + fields;
        }

        @Override
        public String toString() {
            return name + (valid() ? " (valid)" : " (invalid: " + field + ")");
        }
    }

    private PolicyTable() {
    }

    public static List<Row> rows() {
        try (InputStream in = PolicyTable.class.getResourceAsStream("policy-table.json")) {
            if (in == null) {
                throw new IllegalStateException("policy-table.json is not on the class path");
            }
            List<Row> rows = new ArrayList<>();
            for (JsonNode row : JSON.readTree(in).path("rows")) {
                JsonNode field = row.path("field");
                rows.add(new Row(row.path("name").asText(), field.isNull() ? null : field.asText(), row.get("body")));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
