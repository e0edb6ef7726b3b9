package io.openlearn.kit.courseware;

import io.openlearn.kit.cache.TtlCache;
import io.openlearn.kit.client.ServiceHttp;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.RoleChecker;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Asks the owners of the access facts, with the calling service's token: course-authoring for the run, enrollment
 * for an active enrollment; the beta tester role comes from the caller's token. A run is trusted for
 * {@code runTtl}; only "actively enrolled" is remembered (for {@code enrollmentTtl}), so a learner who just enrolled
 * is never refused for long and one who left is refused within that time. Each service builds one from its own
 * settings (the URLs of its upstreams).
 */
public final class CoursewareFacts {

    static final String BETA_TESTER = "course_beta_tester";

    private final ServiceHttp http;
    private final RoleChecker roles;
    private final String authoringUrl;
    private final String enrollmentUrl;
    private final TtlCache<String, CourseRunFacts> runs;
    private final TtlCache<String, Boolean> active;

    public CoursewareFacts(ServiceHttp http, RoleChecker roles, String authoringUrl, String enrollmentUrl,
                           Duration runTtl, Duration enrollmentTtl) {
        this.http = http;
        this.roles = roles;
        this.authoringUrl = authoringUrl;
        this.enrollmentUrl = enrollmentUrl;
        this.runs = new TtlCache<>(runTtl, 10_000);
        this.active = new TtlCache<>(enrollmentTtl, 100_000);
    }

    /** The course run; 404 when course-authoring has none. */
    public CourseRunFacts run(String courseKey) {
        return runs.get(courseKey, this::loadRun);
    }

    public boolean enrolled(UUID learner, String courseKey) {
        String key = learner + "|" + courseKey;
        if (active.find(key).isPresent()) {
            return true;
        }
        ServiceHttp.Answer answer = http.get("enrollment", enrollmentUrl + "/api/enrollment/v1/courses/" + courseKey
                + "/enrollments/" + learner + "/active");
        if (answer.status() != 200) {
            throw new ProblemException(502, "enrollment answered " + answer.status() + " to an enrollment check.");
        }
        boolean enrolled = answer.body().path("active").asBoolean(false);
        if (enrolled) {
            active.put(key, Boolean.TRUE);
        }
        return enrolled;
    }

    public boolean betaTester(JsonWebToken caller, String courseKey) {
        return roles.holds(caller, BETA_TESTER, courseKey);
    }

    /** The caller's access facts as a learner of this course. */
    public LearnerAccess learner(JsonWebToken caller, UUID learner, String courseKey) {
        CourseRunFacts run = run(courseKey);
        return new LearnerAccess(enrolled(learner, courseKey), run.start(), run.daysEarlyForBeta(),
                betaTester(caller, courseKey));
    }

    private CourseRunFacts loadRun(String courseKey) {
        ServiceHttp.Answer answer = http.get("course-authoring", authoringUrl + "/api/authoring/v1/course-runs/"
                + courseKey);
        if (answer.status() == 404) {
            throw new ProblemException(404, "No course run " + courseKey + ".");
        }
        if (answer.status() != 200) {
            throw new ProblemException(502, "course-authoring answered " + answer.status() + " for " + courseKey + ".");
        }
        return CourseRunFacts.of(courseKey, answer.body());
    }
}
