package io.openlearn.grades.client;

import io.openlearn.grades.config.GradingConfig;
import io.openlearn.grades.domain.ChapterDefinition;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.Gates;
import io.openlearn.grades.domain.ProblemDefinition;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.grades.domain.VisibleBlocks;
import io.openlearn.kit.client.Upstream;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grading structure of a published content version as learners are graded on it, fetched once per version and
 * kept.
 */
@ApplicationScoped
public class StructureClient {

    /** One version as content published it, and as learners are graded on it ({@link VisibleBlocks}). */
    private record Views(CourseStructure full, CourseStructure learners) {
        static Views of(CourseStructure full) {
            return new Views(full, VisibleBlocks.forLearners(full));
        }
    }

    private static final String SERVICE = "content-repository";

    private final ContentCalls content;
    private final VersionedCache<Views> structures;

    StructureClient(ContentCalls content, GradingConfig config) {
        this.content = content;
        this.structures = new VersionedCache<>(config.cachedVersions());
    }

    /** The latest published version as learners are graded on it, or empty when the course was never published. */
    public Optional<CourseStructure> latest(String courseKey) {
        Optional<ContentCalls.Structure> answer = Upstream.find(SERVICE, () -> content.structure(courseKey, null));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        CourseStructure structure = toStructure(courseKey, answer.get());
        return Optional.of(structures.get(courseKey, structure.version(), key -> Views.of(structure)).learners());
    }

    /** A version as learners are graded on it: without anything visible to staff only. */
    public CourseStructure version(String courseKey, long version) {
        return views(courseKey, version).learners();
    }

    /** A version with every block, staff-only ones included (the team's outline). */
    public CourseStructure fullVersion(String courseKey, long version) {
        return views(courseKey, version).full();
    }

    private Views views(String courseKey, long version) {
        return structures.get(courseKey, version, key -> Views.of(toStructure(courseKey, Upstream.call(SERVICE,
                () -> content.structure(courseKey, version)))));
    }

    private static CourseStructure toStructure(String courseKey, ContentCalls.Structure body) {
        List<ChapterDefinition> chapters = new ArrayList<>();
        for (ContentCalls.Chapter chapter : orEmpty(body.chapters())) {
            chapters.add(new ChapterDefinition(chapter.key(), chapter.displayName(), chapter.start(),
                    isTrue(chapter.visibleToStaffOnly()), chapter.groupAccess()));
        }
        List<SubsectionDefinition> subsections = new ArrayList<>();
        Map<String, Gates.Prerequisite> prerequisites = new HashMap<>();
        for (ContentCalls.Subsection subsection : orEmpty(body.subsections())) {
            ContentCalls.Prerequisite prerequisite = subsection.prerequisite();
            if (prerequisite != null) {
                prerequisites.put(subsection.key(), new Gates.Prerequisite(prerequisite.subsection(),
                        orZero(prerequisite.minScore()), orZero(prerequisite.minCompletion())));
            }
            List<ProblemDefinition> problems = new ArrayList<>();
            for (ContentCalls.Problem problem : orEmpty(subsection.problems())) {
                problems.add(new ProblemDefinition(problem.key(),
                        problem.maxScore() == null ? 0 : problem.maxScore(), problem.weight(),
                        isTrue(problem.visibleToStaffOnly()), problem.groupAccess()));
            }
            subsections.add(new SubsectionDefinition(subsection.key(), subsection.displayName(),
                    isTrue(subsection.graded()), subsection.format(), subsection.due(), problems,
                    subsection.chapter(), subsection.start(), isTrue(subsection.visibleToStaffOnly()),
                    isTrue(subsection.hideAfterDue()), subsection.groupAccess()));
        }
        ContentCalls.EntranceExam exam = body.entranceExam();
        Gates gates = new Gates(prerequisites,
                exam == null ? null : new Gates.EntranceExam(exam.chapter(), orZero(exam.minScore())));
        return new CourseStructure(courseKey, body.version() == null ? 0 : body.version(), chapters, subsections,
                gates);
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }
}
