package io.openlearn.submission.client;

import io.openlearn.kit.client.Upstream;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * What grades says locks a subsection for a learner (an entrance exam not passed, a prerequisite not reached). Asked
 * afresh for every answer to a gated course, never cached: the worker opens a gate within milliseconds of the grade
 * that fulfils it, and the learner goes straight on to the subsection it opens.
 */
@ApplicationScoped
public class GradesClient {

    /** What keeps a subsection locked, in words for the learner. */
    public record Lock(String kind, String requires, String requiresName, double minScore, double minCompletion) {
    }

    private final GradesCalls grades;

    GradesClient(GradesCalls grades) {
        this.grades = grades;
    }

    /** The lock on {@code subsectionKey} for the learner, if a gate holds it. */
    public Optional<Lock> lockOn(String courseKey, UUID learner, String subsectionKey) {
        GradesCalls.Locks answer = Upstream.call("grades", () -> grades.locks(courseKey, learner));
        if (answer == null || answer.locked() == null) {
            return Optional.empty();
        }
        return answer.locked().stream().filter(lock -> subsectionKey.equals(lock.subsectionKey())).findFirst()
                .map(lock -> new Lock(lock.kind(), lock.requires(), lock.requiresName(),
                        lock.minScore() == null ? 0 : lock.minScore(),
                        lock.minCompletion() == null ? 0 : lock.minCompletion()));
    }
}
