package io.openlearn.grades.service;

import io.openlearn.grades.domain.OutlineView;
import io.openlearn.grades.repository.GradeRepository;
import io.openlearn.kit.cache.TtlCache;
import io.openlearn.kit.courseware.CourseRunFacts;
import io.openlearn.kit.courseware.LearnerAccess;
import io.openlearn.kit.http.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Outlines already rendered to JSON, per published version and the learner's access facts: the run, the view, the
 * learner's access, their extensions and the fingerprint of their stored grades and scores. An entry is served only
 * while its key is unchanged and until the first moment its flags could change by the clock alone (a release, or a
 * hide-after-due date passing), so a cached outline is never staler than a freshly built one.
 */
@ApplicationScoped
public class RenderedOutlines {

    /** Everything a rendered outline depends on besides the clock. */
    public record Key(String courseKey, long contentVersion, OutlineView view, UUID learner, CourseRunFacts run,
            LearnerAccess access, Map<String, Instant> extensions, GradeRepository.LearnerFingerprint grades) {
    }

    /** The JSON (and its gzip form), and the first instant at which the clock alone could change it. */
    public record Rendered(JsonBody body, Instant validUntil) {
    }

    private final TtlCache<Key, Rendered> rendered = new TtlCache<>(Duration.ofMinutes(10), 20_000);

    public JsonBody get(Key key, Instant now, Supplier<Rendered> render) {
        Rendered known = rendered.find(key).orElse(null);
        if (known != null && now.isBefore(known.validUntil())) {
            return known.body();
        }
        Rendered fresh = render.get();
        rendered.put(key, fresh);
        return fresh.body();
    }
}
