package io.openlearn.gradingpolicy;

import java.util.List;
import java.util.Map;

/**
 * A grading policy as a caller proposes it, before anything is checked: assignment types (GRADER), letter-grade
 * cutoffs (GRADE_CUTOFFS) and the grace period after due dates. Any part may be null (absent); the list may hold
 * nulls. {@link GradingPolicyRules#violations(PolicyDraft)} says what is wrong with it.
 *
 * @param gracePeriodSeconds null when the caller has none to give (absent, or an endpoint without one): read as 0
 */
public record PolicyDraft(List<AssignmentTypeDraft> assignmentTypes, Map<String, Double> gradeCutoffs,
        Long gracePeriodSeconds) {
}
