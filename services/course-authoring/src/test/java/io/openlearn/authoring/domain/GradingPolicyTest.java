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
    void violationsAreTheSharedRuleSetsNamedByTheFieldsSent() {
        // the rules themselves are GradingPolicyRules' (grading-policy module, its policy table): here only that a
        // policy reaches them whole, null entries and missing numbers included
        List<AssignmentType> types = new ArrayList<>();
        types.add(null);
        types.add(new AssignmentType("Homework", 2, null, null, "HW"));
        types.add(new AssignmentType("homework", 1, 2, 0.5, null));
        GradingPolicy bad = new GradingPolicy(types, Map.of("A", 1.5), -5);
        assertEquals(List.of("assignmentTypes[0]", "assignmentTypes[1].dropCount", "assignmentTypes[1].weight",
                "assignmentTypes[2].type", "assignmentTypes[2].dropCount", "gradeCutoffs.A", "gracePeriodSeconds"),
                fields(bad));
    }

    @Test
    void cutoffsDescendFromTheHighest() {
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
