package io.openlearn.grades.rest;

import io.openlearn.grades.domain.AssignmentType;
import io.openlearn.grades.domain.GradingPolicy;
import io.openlearn.kit.security.CourseCaller;
import io.openlearn.grades.service.WhatIfQuery;
import io.openlearn.kit.problem.Problem;
import io.openlearn.kit.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private static GradingPolicy validate(ProposedPolicy proposed) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (proposed == null || proposed.assignmentTypes() == null || proposed.assignmentTypes().isEmpty()
                || proposed.assignmentTypes().size() > 50) {
            throw ProblemException.invalid("assignmentTypes", "one to fifty assignment types");
        }
        List<AssignmentType> types = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < proposed.assignmentTypes().size(); i++) {
            ProposedType type = proposed.assignmentTypes().get(i);
            String at = "assignmentTypes[" + i + "]";
            if (type == null || type.type() == null || type.type().isBlank() || !names.add(type.type())) {
                errors.add(new Problem.FieldError(at + ".type", "a distinct, non-empty type"));
                continue;
            }
            if (type.minCount() == null || type.minCount() < 0 || type.minCount() > 100) {
                errors.add(new Problem.FieldError(at + ".minCount", "0 to 100"));
            }
            if (type.dropCount() == null || type.dropCount() < 0 || type.dropCount() > 100) {
                errors.add(new Problem.FieldError(at + ".dropCount", "0 to 100"));
            }
            if (type.weight() == null || type.weight() < 0 || type.weight() > 10 || type.weight().isNaN()) {
                errors.add(new Problem.FieldError(at + ".weight", "0 to 10"));
            }
            if (errors.isEmpty()) {
                types.add(new AssignmentType(type.type(), type.minCount(), type.dropCount(), type.weight(),
                        type.shortLabel()));
            }
        }
        Map<String, Double> cutoffs = proposed.gradeCutoffs();
        if (cutoffs == null || cutoffs.isEmpty() || cutoffs.size() > 5 || cutoffs.values().stream()
                .anyMatch(c -> c == null || c <= 0 || c > 1)) {
            errors.add(new Problem.FieldError("gradeCutoffs", "one to five letter grades, each cutoff in (0, 1]"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new GradingPolicy(0, types, cutoffs);
    }
}
