package io.openlearn.grades.rest;

import io.openlearn.grades.domain.SubsectionOverride;
import io.openlearn.grades.repository.GradeChange;
import io.openlearn.grades.repository.OverrideRecord;
import io.openlearn.grades.service.GateQuery;
import io.openlearn.grades.service.OverrideService;
import io.openlearn.grades.service.ProgressQuery;
import io.openlearn.kit.problem.Problem;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One learner in one course: progress, the subsections gates lock, grade history, and staff overrides. */
@Path("/api/grades/v1/courses/{courseKey}/learners/{userId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class LearnerGradesResource {

    public record OverrideRequest(Double earnedGraded, Double possibleGraded, Double earnedAll, Double possibleAll,
            String reason) {
    }

    public record Override(String id, String subsectionKey, String action, Double earnedGraded, Double possibleGraded,
            Double earnedAll, Double possibleAll, String reason, String actor, Instant at) {
        static Override of(OverrideRecord r) {
            SubsectionOverride v = r.values();
            return new Override(r.id().toString(), r.subsectionKey(), r.action(), v == null ? null : v.earnedGraded(),
                    v == null ? null : v.possibleGraded(), v == null ? null : v.earnedAll(),
                    v == null ? null : v.possibleAll(), r.reason(), r.actor(), r.at());
        }
    }

    public record OverrideHistory(List<Override> items) {
    }

    public record Change(long id, String subsectionKey, Double oldPercent, double newPercent, Double oldEarned,
            Double newEarned, Double oldPossible, Double newPossible, String oldLetterGrade, String newLetterGrade,
            Boolean oldPassed, Boolean newPassed, String cause, String causeRef, Instant changedAt) {
        static Change of(GradeChange c) {
            return new Change(c.id(), c.subsectionKey(), c.oldPercent(), c.newPercent(), c.oldEarned(), c.newEarned(),
                    c.oldPossible(), c.newPossible(), c.oldLetter(), c.newLetter(), c.oldPassed(), c.newPassed(),
                    c.cause().kind(), c.cause().ref(), c.changedAt());
        }
    }

    public record History(List<Change> items, Long nextBefore) {
    }

    private final CourseCaller access;
    private final ProgressQuery progress;
    private final OverrideService overrides;
    private final GateQuery gates;

    public LearnerGradesResource(CourseCaller access, ProgressQuery progress, OverrideService overrides,
            GateQuery gates) {
        this.access = access;
        this.progress = progress;
        this.overrides = overrides;
        this.gates = gates;
    }

    @GET
    @Path("locks")
    public GateQuery.Locks locks(@PathParam("courseKey") String courseKey, @PathParam("userId") UUID userId) {
        return gates.ofLearner(access.current(), courseKey, userId);
    }

    @GET
    @Path("progress")
    public ProgressQuery.Progress progress(@PathParam("courseKey") String courseKey,
            @PathParam("userId") UUID userId) {
        return progress.ofLearner(access.current(), courseKey, userId);
    }

    @GET
    @Path("history")
    public History history(@PathParam("courseKey") String courseKey, @PathParam("userId") UUID userId,
            @QueryParam("before") Long before, @QueryParam("limit") @DefaultValue("100") int limit) {
        List<GradeChange> changes = progress.history(access.current(), courseKey, userId, before, limit);
        Long next = changes.size() == limit ? changes.get(changes.size() - 1).id() : null;
        return new History(changes.stream().map(Change::of).toList(), next);
    }

    @PUT
    @Path("overrides/{subsectionKey}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Override setOverride(@PathParam("courseKey") String courseKey, @PathParam("userId") UUID userId,
            @PathParam("subsectionKey") String subsectionKey, OverrideRequest request) {
        return Override.of(overrides.set(access.current(), courseKey, userId, subsectionKey,
                () -> new OverrideService.Change(validate(request), request.reason().strip())));
    }

    @DELETE
    @Path("overrides/{subsectionKey}")
    public void clearOverride(@PathParam("courseKey") String courseKey, @PathParam("userId") UUID userId,
            @PathParam("subsectionKey") String subsectionKey, @QueryParam("reason") String reason) {
        overrides.clear(access.current(), courseKey, userId, subsectionKey, () -> requireReason(reason, "reason"));
    }

    @GET
    @Path("override-history")
    public OverrideHistory overrideHistory(@PathParam("courseKey") String courseKey,
            @PathParam("userId") UUID userId) {
        return new OverrideHistory(
                overrides.history(access.current(), courseKey, userId, 500).stream().map(Override::of).toList());
    }

    private static SubsectionOverride validate(OverrideRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "an override needs values and a reason");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        check(errors, "earnedGraded", request.earnedGraded());
        check(errors, "possibleGraded", request.possibleGraded());
        check(errors, "earnedAll", request.earnedAll());
        check(errors, "possibleAll", request.possibleAll());
        if (request.earnedGraded() == null && request.possibleGraded() == null && request.earnedAll() == null
                && request.possibleAll() == null) {
            errors.add(new Problem.FieldError("earnedGraded", "set at least one of the four values"));
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 1000) {
            errors.add(new Problem.FieldError("reason", "say why, in 1 to 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new SubsectionOverride(request.earnedGraded(), request.possibleGraded(), request.earnedAll(),
                request.possibleAll());
    }

    private static void check(List<Problem.FieldError> errors, String field, Double value) {
        if (value != null && (value < 0 || value > 1_000_000 || value.isNaN())) {
            errors.add(new Problem.FieldError(field, "must be between 0 and 1000000"));
        }
    }

    private static String requireReason(String reason, String field) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw ProblemException.invalid(field, "say why, in 1 to 1000 characters");
        }
        return reason.strip();
    }
}
