package io.openlearn.gradingpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class GradingPolicyRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    static List<String> fields(PolicyDraft policy) {
        return GradingPolicyRules.violations(policy).stream().map(Violation::field).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyRowOfTheTableGetsItsExpectedField() {
        return PolicyTable.rows().stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
            PolicyDraft policy = JSON.treeToValue(row.body(), PolicyDraft.class);
            List<String> expected = row.valid() ? List.of() : List.of(row.field());
            assertEquals(expected, fields(policy), row.name());
        }));
    }

    @Test
    void theTableHasValidAndInvalidRowsWithDistinctNames() {
        List<PolicyTable.Row> rows = PolicyTable.rows();
        assertEquals(rows.size(), new HashSet<>(rows.stream().map(PolicyTable.Row::name).toList()).size());
        assertTrue(rows.stream().filter(PolicyTable.Row::valid).count() >= 10);
        assertTrue(rows.stream().filter(row -> !row.valid()).count() >= 20);
    }

    @Test
    void everyMessageIsASentence() {
        List<AssignmentTypeDraft> types = new ArrayList<>();
        types.add(null);
        types.add(new AssignmentTypeDraft("", -1, -1, -1.0, "x".repeat(17)));
        types.add(new AssignmentTypeDraft("A", 101, null, null, null));
        types.add(new AssignmentTypeDraft("a", null, 2, 2.0, null));
        types.add(new AssignmentTypeDraft("B", 1, 2, 0.5, null));
        List<Violation> violations = GradingPolicyRules.violations(
                new PolicyDraft(types, Map.of("A*", 0.5, "B", 0.0), -1L));
        assertEquals(List.of("assignmentTypes[0]", "assignmentTypes[1].type", "assignmentTypes[1].minCount",
                "assignmentTypes[1].dropCount", "assignmentTypes[1].weight", "assignmentTypes[1].shortLabel",
                "assignmentTypes[2].minCount", "assignmentTypes[2].dropCount", "assignmentTypes[2].weight",
                "assignmentTypes[3].type", "assignmentTypes[3].minCount", "assignmentTypes[3].weight",
                "assignmentTypes[4].dropCount"),
                violations.stream().map(Violation::field).filter(f -> f.startsWith("assignmentTypes")).toList());
        for (Violation violation : violations) {
            String message = violation.message();
            assertTrue(message.endsWith(".") && !message.isBlank(), violation.toString());
        }
        assertTrue(violations.stream().anyMatch(v -> v.field().equals("gradeCutoffs")));
        assertTrue(violations.stream().anyMatch(v -> v.field().equals("gradeCutoffs.B")));
        assertTrue(violations.stream().anyMatch(v -> v.field().equals("gracePeriodSeconds")));
        assertTrue(violations.stream().noneMatch(v -> v.field().contains("*")), "an invalid letter is not echoed");
        assertTrue(violations.stream().filter(v -> v.field().equals("assignmentTypes[3].type")).findFirst()
                .orElseThrow().message().contains("assignmentTypes[2].type"), "names the type it repeats");
    }

    @Test
    void fiftyAssignmentTypesAreAllowedFiftyOneAreNot() {
        List<AssignmentTypeDraft> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(new AssignmentTypeDraft("Type " + i, 1, 0, 0.02, null));
        }
        assertEquals(List.of(), fields(new PolicyDraft(fifty, Map.of("Pass", 0.5), 0L)));
        fifty.add(new AssignmentTypeDraft("Type 50", 1, 0, 0.02, null));
        assertEquals(List.of("assignmentTypes"), fields(new PolicyDraft(fifty, Map.of("Pass", 0.5), 0L)));
    }

    @Test
    void numbersJsonCannotCarryAreRefusedToo() {
        for (double weight : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertEquals(List.of("assignmentTypes[0].weight"), fields(new PolicyDraft(
                    List.of(new AssignmentTypeDraft("Homework", 1, 0, weight, null)), Map.of("Pass", 0.5), null)));
        }
        assertEquals(List.of("gradeCutoffs.Pass"),
                fields(new PolicyDraft(List.of(), Map.of("Pass", Double.NaN), null)));
    }

    @Test
    void aMissingPolicyOrGracePeriod() {
        assertEquals(List.of("assignmentTypes", "gradeCutoffs"), fields(null));
        assertEquals(List.of("assignmentTypes", "gradeCutoffs"), fields(new PolicyDraft(null, null, null)));
        assertFalse(fields(new PolicyDraft(List.of(), Map.of("Pass", 0.5), null)).contains("gracePeriodSeconds"));
    }
}
