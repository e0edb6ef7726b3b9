package io.openlearn.grades.client;

import io.openlearn.grades.config.GradingConfig;
import io.openlearn.grades.domain.AssignmentType;
import io.openlearn.grades.domain.GradingPolicy;
import io.openlearn.kit.client.Upstream;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Grading policy versions and the course end from course-authoring; a policy version is fetched once and kept. */
@ApplicationScoped
public class PolicyClient {

    private static final String SERVICE = "course-authoring";

    private final AuthoringCalls authoring;
    private final VersionedCache<GradingPolicy> policies;

    PolicyClient(AuthoringCalls authoring, GradingConfig config) {
        this.authoring = authoring;
        this.policies = new VersionedCache<>(config.cachedVersions());
    }

    /** The current policy, or empty when the course run does not exist. */
    public Optional<GradingPolicy> current(String courseKey) {
        Optional<AuthoringCalls.Policy> answer = Upstream.find(SERVICE, () -> authoring.policy(courseKey));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        GradingPolicy policy = toPolicy(answer.get());
        return Optional.of(policies.get(courseKey, policy.version(), key -> policy));
    }

    public GradingPolicy version(String courseKey, long version) {
        return policies.get(courseKey, version, key -> toPolicy(Upstream.call(SERVICE,
                () -> authoring.policyVersion(courseKey, version))));
    }

    public Optional<CourseRun> run(String courseKey) {
        return Upstream.find(SERVICE, () -> authoring.run(courseKey)).map(run -> new CourseRun(courseKey, run.end(),
                run.version() == null ? 0 : run.version()));
    }

    /** Reads the policy document shape of course-authoring's contract ({@code PolicyVersion}). */
    static GradingPolicy toPolicy(AuthoringCalls.Policy body) {
        List<AssignmentType> types = new ArrayList<>();
        for (AuthoringCalls.AssignmentTypeAnswer type : orEmpty(body.assignmentTypes())) {
            types.add(new AssignmentType(type.type(), orZero(type.minCount()), orZero(type.dropCount()),
                    type.weight() == null ? 0 : type.weight(), type.shortLabel()));
        }
        Map<String, Double> cutoffs = new LinkedHashMap<>();
        if (body.gradeCutoffs() != null) {
            cutoffs.putAll(body.gradeCutoffs());
        }
        return new GradingPolicy(body.version() == null ? 0 : body.version(), types, cutoffs);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }
}
