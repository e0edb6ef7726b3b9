package io.openlearn.grades.testing;

import io.openlearn.grades.domain.ChapterDefinition;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.Gates;
import io.openlearn.grades.domain.GradingPolicy;
import io.openlearn.grades.domain.ProblemDefinition;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.testkit.EnrollmentGroups;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The upstream endpoints grades-worker calls, answered from {@link Upstreams} in their contracts' shapes (test only). */
@Path("/stub")
@Produces(MediaType.APPLICATION_JSON)
public class UpstreamStub {

    private final Upstreams upstreams;

    public UpstreamStub(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @GET
    @Path("content/api/content/v1/courses/{key}/structure")
    public Map<String, Object> structure(@PathParam("key") String key, @QueryParam("version") Long version) {
        List<CourseStructure> versions = found(upstreams.structures.get(key));
        CourseStructure structure = version == null ? versions.get(versions.size() - 1)
                : versions.get((int) (version - 1));
        List<Map<String, Object>> subsections = new ArrayList<>();
        for (SubsectionDefinition s : structure.subsections()) {
            List<Map<String, Object>> problems = new ArrayList<>();
            for (ProblemDefinition p : s.problems()) {
                Map<String, Object> problem = new HashMap<>();
                problem.put("key", p.key());
                problem.put("maxScore", p.maxScore());
                problem.put("weight", p.weight());
                problem.put("visibleToStaffOnly", p.staffOnly());
                problem.put("groupAccess", p.access().groups());
                problems.add(problem);
            }
            Map<String, Object> subsection = new HashMap<>();
            subsection.put("key", s.key());
            subsection.put("displayName", s.displayName());
            subsection.put("graded", s.graded());
            subsection.put("format", s.format());
            subsection.put("due", s.due() == null ? null : s.due().toString());
            subsection.put("problems", problems);
            subsection.put("chapter", s.chapter());
            subsection.put("start", s.start() == null ? null : s.start().toString());
            subsection.put("visibleToStaffOnly", s.staffOnly());
            subsection.put("hideAfterDue", s.hideAfterDue());
            subsection.put("groupAccess", s.access().groups());
            Gates.Prerequisite prerequisite = structure.gates().prerequisites().get(s.key());
            subsection.put("prerequisite", prerequisite == null ? null : Map.of("subsection",
                    prerequisite.subsection(), "minScore", prerequisite.minScore(), "minCompletion",
                    prerequisite.minCompletion()));
            subsections.add(subsection);
        }
        List<Map<String, Object>> chapters = new ArrayList<>();
        for (ChapterDefinition c : structure.chapters()) {
            Map<String, Object> chapter = new HashMap<>();
            chapter.put("key", c.key());
            chapter.put("displayName", c.displayName());
            chapter.put("start", c.start() == null ? null : c.start().toString());
            chapter.put("visibleToStaffOnly", c.staffOnly());
            chapter.put("groupAccess", c.access().groups());
            chapters.add(chapter);
        }
        Map<String, Object> body = new HashMap<>(Map.of("courseKey", key, "version", structure.version(),
                "publishedAt", "2026-11-26T00:00:00Z", "gradingDigest", "d" + structure.version(), "problemCount",
                structure.problemCount(), "chapters", chapters, "subsections", subsections));
        Gates.EntranceExam exam = structure.gates().entranceExam();
        body.put("entranceExam", exam == null ? null : Map.of("chapter", exam.chapter(), "minScore", exam.minScore()));
        return body;
    }

    @GET
    @Path("authoring/api/authoring/v1/course-runs/{key}")
    public Map<String, Object> run(@PathParam("key") String key) {
        found(upstreams.policies.get(key));
        Map<String, Object> run = new HashMap<>();
        run.put("courseKey", key);
        run.put("version", 1);
        run.put("end", upstreams.ends.containsKey(key) ? upstreams.ends.get(key).toString() : null);
        run.put("title", "Course " + key);
        run.put("start", upstreams.starts.containsKey(key) ? upstreams.starts.get(key).toString()
                : "2026-01-01T00:00:00Z");
        run.put("daysEarlyForBeta", upstreams.daysEarlyForBeta.get(key));
        run.put("courseVisibility", upstreams.publicOutline.contains(key) ? "public_outline" : "private");
        return run;
    }

    @GET
    @Path("authoring/api/authoring/v1/course-runs/{key}/grading-policy")
    public Map<String, Object> policy(@PathParam("key") String key) {
        List<GradingPolicy> versions = found(upstreams.policies.get(key));
        return policyJson(key, versions.get(versions.size() - 1));
    }

    @GET
    @Path("authoring/api/authoring/v1/course-runs/{key}/grading-policy/versions/{version}")
    public Map<String, Object> policyVersion(@PathParam("key") String key, @PathParam("version") int version) {
        return policyJson(key, found(upstreams.policies.get(key)).get(version - 1));
    }

    @GET
    @Path("enrollment/api/enrollment/v1/courses/{key}/enrollments")
    public Map<String, Object> roster(@PathParam("key") String key, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("mode") String mode) {
        List<UUID> learners = upstreams.rosters.getOrDefault(key, List.of()).stream()
                .filter(l -> mode == null || mode.equals(EnrollmentGroups.modeOf(upstreams.groupsOf(key, l))))
                .toList();
        return page(key, learners, after, limit, learner -> Map.of("userId", learner.toString(), "mode",
                EnrollmentGroups.modeOf(upstreams.groupsOf(key, learner)), "active", true,
                "created", "2026-11-26T00:00:00Z"));
    }

    @GET
    @Path("enrollment/api/enrollment/v1/courses/{key}/cohorts/{cohort}/members")
    public Map<String, Object> cohortMembers(@PathParam("key") String key, @PathParam("cohort") UUID cohort,
            @QueryParam("after") String after, @QueryParam("limit") @DefaultValue("100") int limit) {
        List<UUID> members = upstreams.cohorts.get(key + "|" + cohort);
        if (members == null) {
            throw new NotFoundException();
        }
        Map<String, Object> page = page(key, members, after, limit, learner -> Map.of("userId", learner.toString(),
                "assignedAt", "2026-11-26T00:00:00Z"));
        page.remove("courseKey");
        page.put("cohortId", cohort.toString());
        return page;
    }

    private static Map<String, Object> page(String key, List<UUID> learners, String after, int limit,
            java.util.function.Function<UUID, Map<String, Object>> item) {
        int from = after == null ? 0 : Integer.parseInt(after);
        int to = Math.min(learners.size(), from + limit);
        List<Map<String, Object>> items = new ArrayList<>();
        for (UUID learner : learners.subList(from, to)) {
            items.add(item.apply(learner));
        }
        Map<String, Object> page = new HashMap<>();
        page.put("courseKey", key);
        page.put("items", items);
        page.put("nextCursor", to < learners.size() ? String.valueOf(to) : null);
        return page;
    }

    /**
     * enrollment's groups of a learner: an enrolled learner is in the groups {@link Upstreams#groups} gives them,
     * by default the audit track's (partition 50, group 1).
     */
    @GET
    @Path("enrollment/api/enrollment/v1/courses/{key}/learners/{learner}/groups")
    public Map<String, Object> groups(@PathParam("key") String key, @PathParam("learner") UUID learner) {
        return EnrollmentGroups.answer(key, learner.toString(),
                upstreams.rosters.getOrDefault(key, List.of()).contains(learner), upstreams.groupsOf(key, learner));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("enrollment/api/enrollment/v1/courses/{key}/learner-groups")
    public Map<String, Object> groupsOfMany(@PathParam("key") String key, Map<String, List<String>> body) {
        List<Map<String, Object>> items = new ArrayList<>();
        body.getOrDefault("userIds", List.of()).stream().distinct()
                .forEach(id -> items.add(groups(key, UUID.fromString(id))));
        return Map.of("courseKey", key, "items", items);
    }

    @GET
    @Path("submission/api/submission/v1/courses/{key}/extensions/{learner}")
    public Map<String, Object> extensions(@PathParam("key") String key, @PathParam("learner") UUID learner) {
        List<Map<String, Object>> items = new ArrayList<>();
        upstreams.extensions.getOrDefault(key + "|" + learner, Map.of()).forEach(
                (subsection, until) -> items.add(Map.of("subsectionKey", subsection, "until", until.toString())));
        return Map.of("userId", learner.toString(), "items", items);
    }

    @GET
    @Path("submission/api/submission/v1/courses/{key}/scores")
    public Map<String, Object> scores(@PathParam("key") String key, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        List<Map<String, Object>> all = upstreams.latestScores.getOrDefault(key, List.of());
        int from = after == null ? 0 : Integer.parseInt(after);
        int to = Math.min(all.size(), from + limit);
        Map<String, Object> page = new HashMap<>();
        page.put("courseKey", key);
        page.put("items", all.subList(from, to));
        page.put("nextAfter", to < all.size() ? String.valueOf(to) : null);
        return page;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("submission/api/submission/v1/courses/{key}/items/{item}/rescore")
    public Map<String, Object> rescore(@PathParam("key") String key, @PathParam("item") String item,
            Map<String, List<String>> body) {
        List<String> learners = body.getOrDefault("userIds", List.of());
        learners.forEach(learner -> upstreams.rescores.add(key + "|" + item + "|" + learner));
        return Map.of("learners", learners.size(), "rescored", learners.size());
    }

    private static Map<String, Object> policyJson(String key, GradingPolicy policy) {
        List<Map<String, Object>> types = new ArrayList<>();
        policy.assignmentTypes().forEach(t -> types.add(Map.of("type", t.type(), "minCount", t.minCount(),
                "dropCount", t.dropCount(), "weight", t.weight())));
        return Map.of("courseKey", key, "version", policy.version(), "hash", "h" + policy.version(),
                "createdAt", "2026-11-26T00:00:00Z", "createdBy", "staff", "assignmentTypes", types,
                "gradeCutoffs", new LinkedHashMap<>(policy.gradeCutoffs()), "gracePeriodSeconds", 0);
    }

    private static <T> T found(T value) {
        if (value == null) {
            throw new NotFoundException();
        }
        return value;
    }
}
