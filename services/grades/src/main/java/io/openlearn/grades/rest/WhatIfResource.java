package io.openlearn.grades.rest;

import io.openlearn.grades.domain.AssignmentType;
import io.openlearn.grades.domain.GradingPolicy;
import io.openlearn.grades.service.WhatIfQuery;
import io.openlearn.gradingpolicy.AssignmentTypeDraft;
import io.openlearn.gradingpolicy.GradingPolicyRules;
import io.openlearn.gradingpolicy.PolicyDraft;
import io.openlearn.gradingpolicy.Violation;
import io.openlearn.kit.problem.Problem;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Beyond Open edX: the grade distribution a proposed policy would give, before anyone changes the policy. */
@Path("/api/grades/v1/courses/{courseKey}/what-if")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WhatIfResource {

    public record ProposedType(String type, Integer minCount, Integer dropCount, Double weight, String shortLabel) {
    }

    public record ProposedPolicy(List<ProposedType> assignmentTypes, Map<String, Double> gradeCutoffs) {
    }

    private final CourseCaller access;
    private final WhatIfQuery whatIf;

    public WhatIfResource(CourseCaller access, WhatIfQuery whatIf) {
        this.access = access;
        this.whatIf = whatIf;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public WhatIfQuery.Preview preview(@PathParam("courseKey") String courseKey, ProposedPolicy proposed) {
        return whatIf.preview(access.current(), courseKey, () -> validate(proposed));
    }

    /**
     * course-authoring's rules for a policy change ({@link GradingPolicyRules}), so that only a policy that could be
     * saved is previewed, refused with the same fields and sentences. A proposal has no grace period (it changes no
     * grade).
     */
    private static GradingPolicy validate(ProposedPolicy proposed) {
        List<ProposedType> types = proposed == null ? null : proposed.assignmentTypes();
        Map<String, Double> cutoffs = proposed == null ? null : proposed.gradeCutoffs();
        List<AssignmentTypeDraft> drafts = types == null ? null : types.stream()
                .map(t -> t == null ? null
                        : new AssignmentTypeDraft(t.type(), t.minCount(), t.dropCount(), t.weight(), t.shortLabel()))
                .toList();
        List<Violation> violations = GradingPolicyRules.violations(new PolicyDraft(drafts, cutoffs, null));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(
                    violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
        return new GradingPolicy(0, types.stream().map(t -> new AssignmentType(t.type(), t.minCount(),
                t.dropCount(), t.weight(), t.shortLabel())).toList(), cutoffs);
    }
}
