package io.openlearn.authoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradingPolicyTest {

    static List<String> fields(GradingPolicy policy) {
        return policy.violations().stream().map(FieldError::field).toList();
    }

    @Test
    void openEdxDefaultIsValidAndWeightsMaySumAboveOne() {
        assertEquals(List.of(), GradingPolicy.openEdxDefault().violations());
        GradingPolicy extraCredit = new GradingPolicy(List.of(new AssignmentType("Homework", 2, 0, 0.8, "HW"),
                new AssignmentType("Bonus", 1, 0, 0.4, "B")), Map.of("Pass", 0.6), 0);
        assertEquals(List.of(), extraCredit.violations());
    }

    @Test
    void dropCountAboveMinCountNegativeNumbersAndDuplicateTypesAreRefused() {
        GradingPolicy bad = new GradingPolicy(List.of(new AssignmentType("Homework", 2, 3, 0.5, "HW"),
                new AssignmentType("homework", -1, 0, -0.1, "HW2")), Map.of("Pass", 0.5), -5);
        List<String> fields = fields(bad);
        assertTrue(fields.contains("assignmentTypes[0].dropCount"), fields.toString());
        assertTrue(fields.contains("assignmentTypes[1].type"), fields.toString());
        assertTrue(fields.contains("assignmentTypes[1].minCount"), fields.toString());
        assertTrue(fields.contains("assignmentTypes[1].weight"), fields.toString());
        assertTrue(fields.contains("gracePeriodSeconds"), fields.toString());
    }

    @Test
    void aMissingAssignmentTypeOrNumberIsRefusedNotReadAsZero() {
        List<AssignmentType> types = new ArrayList<>();
        types.add(null);
        types.add(new AssignmentType("Homework", 2, null, null, "HW"));
        GradingPolicy bad = new GradingPolicy(types, Map.of("Pass", 0.5), 0);
        assertEquals(List.of("assignmentTypes[0]", "assignmentTypes[1].dropCount", "assignmentTypes[1].weight"),
                fields(bad));
    }

    @Test
    void cutoffsAreOneToFiveDistinctValuesInZeroToOne() {
        Map<String, Double> six = new LinkedHashMap<>();
        for (String letter : List.of("A", "B", "C", "D", "E", "F")) {
            six.put(letter, 0.9 - six.size() * 0.1);
        }
        assertTrue(fields(policy(six)).contains("gradeCutoffs"));
        assertTrue(fields(policy(Map.of())).contains("gradeCutoffs"));
        assertTrue(fields(policy(Map.of("A", 1.2))).contains("gradeCutoffs.A"));
        assertTrue(fields(policy(Map.of("A", 0.0))).contains("gradeCutoffs.A"));
        assertEquals(1, fields(policy(Map.of("A", 0.7, "B", 0.7))).size());
        assertEquals(List.of("A", "B", "C"), List.copyOf(
                policy(Map.of("C", 0.5, "A", 0.9, "B", 0.7)).cutoffsDescending().keySet()));
    }

    @Test
    void hashIsStableAcrossKeyOrderAndChangesWithContent() {
        Map<String, Double> one = new LinkedHashMap<>();
        one.put("A", 0.9);
        one.put("B", 0.7);
        Map<String, Double> other = new LinkedHashMap<>();
        other.put("B", 0.7);
        other.put("A", 0.9);
        assertEquals(policy(one).hash(), policy(other).hash());
        assertNotEquals(policy(one).hash(), policy(Map.of("A", 0.91, "B", 0.7)).hash());
    }

    @Test
    void scheduleRulesHoldOnEveryChange() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(List.of("end"), new CourseSchedule(t, t, null, null).violations().stream()
                .map(FieldError::field).toList());
        assertEquals(List.of("enrollmentEnd"), new CourseSchedule(t, t.plusSeconds(100), null, t.plusSeconds(200))
                .violations().stream().map(FieldError::field).toList());
        assertEquals(List.of(), new CourseSchedule(t, t.plusSeconds(100), t.minusSeconds(50), t.plusSeconds(50))
                .violations());
        CourseSchedule s = new CourseSchedule(t, t.plusSeconds(100), null, t.plusSeconds(50));
        assertEquals(CourseSchedule.State.UPCOMING, s.stateAt(t.minusSeconds(1)));
        assertEquals(CourseSchedule.State.RUNNING, s.stateAt(t.plusSeconds(1)));
        assertEquals(CourseSchedule.State.ENDED, s.stateAt(t.plusSeconds(100)));
        assertTrue(s.enrollmentOpenAt(t.plusSeconds(49)));
        assertEquals(false, s.enrollmentOpenAt(t.plusSeconds(50)));
    }

    static GradingPolicy policy(Map<String, Double> cutoffs) {
        return new GradingPolicy(List.of(new AssignmentType("Homework", 1, 0, 1.0, "HW")), cutoffs, 0);
    }
}
