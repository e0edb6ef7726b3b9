package io.openlearn.submission.client;

import io.openlearn.kit.cache.TtlCache;
import io.openlearn.kit.client.Upstream;
import io.openlearn.kit.courseware.GroupAccess;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.submission.config.SubmissionConfig;
import io.openlearn.submission.domain.AnswerKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Published problems from content-repository, read with this service's token so answer keys are included. The
 * latest version's structure is trusted for a few seconds; a version's problems never change, so answer keys are
 * kept per (course, version, problem) until memory asks for room.
 */
@ApplicationScoped
public class ContentClient {

    private static final String SERVICE = "content-repository";

    private final ContentCalls content;
    private final TtlCache<String, Structure> latest;
    private final TtlCache<String, AnswerKey> answerKeys;

    /**
     * Which subsection each problem of one version sits in, with the settings submitting depends on; {@code gated}:
     * the version has an entrance exam or a prerequisite, so grades must be asked what is locked.
     */
    record Structure(int version, Map<String, Placement> placements, boolean gated) {
    }

    /**
     * {@code release} is the problem's effective release date (its own, its unit's, subsection's, chapter's),
     * {@code access} its effective group access.
     */
    record Placement(String subsectionKey, Instant due, String showCorrectness, Instant release, GroupAccess access) {
    }

    ContentClient(ContentCalls content, SubmissionConfig config) {
        this.content = content;
        this.latest = new TtlCache<>(config.courseCacheTtl(), 10_000);
        this.answerKeys = new TtlCache<>(Duration.ofDays(365), 50_000);
    }

    /**
     * The problem in the course's latest published version; 404 when it is not a published problem, or one visible
     * to staff only (no learner may answer what they may never see).
     */
    public ProblemContext problem(String courseKey, String itemKey) {
        Structure structure = latest.get(courseKey, this::loadStructure);
        Placement placement = structure.placements().get(itemKey);
        if (placement == null) {
            throw new ProblemException(404, itemKey + " is not a published problem of " + courseKey + ".");
        }
        AnswerKey key = answerKeys.get(courseKey + "|" + structure.version() + "|" + itemKey,
                k -> loadAnswerKey(courseKey, structure.version(), itemKey));
        return new ProblemContext(structure.version(), placement.subsectionKey(), placement.due(),
                placement.showCorrectness(), placement.release(), placement.access(), structure.gated(), key);
    }

    private Structure loadStructure(String courseKey) {
        ContentCalls.Structure answer = Upstream.find(SERVICE, () -> content.structure(courseKey))
                .orElseThrow(() -> new ProblemException(404, courseKey + " has no published content."));
        Map<String, Placement> placements = new HashMap<>();
        boolean gated = answer.entranceExam() != null;
        for (ContentCalls.Subsection subsection : orEmpty(answer.subsections())) {
            gated |= subsection.prerequisite() != null;
            for (ContentCalls.StructureProblem problem : orEmpty(subsection.problems())) {
                if (!Boolean.TRUE.equals(problem.visibleToStaffOnly())) {
                    placements.put(problem.key(), new Placement(subsection.key(), subsection.due(),
                            subsection.showCorrectness(), problem.start(),
                            problem.groupAccess() == null ? GroupAccess.OPEN : problem.groupAccess()));
                }
            }
        }
        return new Structure(answer.version() == null ? 0 : answer.version(), placements, gated);
    }

    private AnswerKey loadAnswerKey(String courseKey, int version, String itemKey) {
        ContentCalls.Block block = Upstream.call(SERVICE, () -> content.block(courseKey, version, itemKey),
                status -> new ProblemException(status == 404 ? 404 : 502, "content-repository answered " + status
                        + " for " + itemKey));
        if (block == null || block.problem() == null) {
            throw new ProblemException(404, itemKey + " is not a published problem of " + courseKey + ".");
        }
        return toAnswerKey(block.problem());
    }

    static AnswerKey toAnswerKey(ContentCalls.ProblemDefinition p) {
        AnswerKey.Kind kind = AnswerKey.Kind.valueOf(String.valueOf(p.kind()).toUpperCase(Locale.ROOT));
        ContentCalls.Tolerance tolerance = p.tolerance();
        List<String> choiceIds = new ArrayList<>();
        orEmpty(p.choices()).forEach(choice -> choiceIds.add(choice.id()));
        return new AnswerKey(kind, choiceIds, Boolean.TRUE.equals(p.multipleAnswers()), orEmpty(p.correctChoices()),
                p.answer(), tolerance != null && "relative".equals(tolerance.mode())
                        ? AnswerKey.ToleranceMode.RELATIVE : AnswerKey.ToleranceMode.ABSOLUTE,
                tolerance == null || tolerance.value() == null ? 0 : tolerance.value(),
                orEmpty(p.acceptedAnswers()), Boolean.TRUE.equals(p.caseSensitive()), p.pattern(),
                p.maxScore() != null ? p.maxScore() : 1.0, p.maxAttempts());
    }

    private static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }
}
