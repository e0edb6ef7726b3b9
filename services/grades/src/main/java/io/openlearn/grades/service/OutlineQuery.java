package io.openlearn.grades.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.grades.client.StructureClient;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.LearnerOutline;
import io.openlearn.grades.domain.OutlineView;
import io.openlearn.grades.domain.ProblemScore;
import io.openlearn.grades.domain.SubsectionGrade;
import io.openlearn.grades.repository.GateRepository;
import io.openlearn.grades.repository.GradeRepository;
import io.openlearn.grades.repository.ScoreProjectionRepository;
import io.openlearn.grades.repository.StoredSubsectionGrade;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.kit.courseware.CourseRunFacts;
import io.openlearn.kit.courseware.CoursewareReaders;
import io.openlearn.kit.http.JsonBody;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The caller's outline of a course ({@link LearnerOutline}): as a learner who may read it now, as the team (every
 * block; {@code previewAs=learner} shows a learner's), or, for a course that shows its outline, as a catalog to
 * someone who may not read it. Anyone else is refused with the reason. The structure is the one the learner's grades
 * were computed against, kept per published version; the rendered JSON is kept per version and access facts
 * ({@link RenderedOutlines}), so a repeated read costs the access checks and one fingerprint query of the learner's
 * grades.
 */
@ApplicationScoped
public class OutlineQuery {

    public record Outline(String courseKey, String title, Instant start, Instant end, long contentVersion,
            String view, boolean enrolled, boolean betaTester, List<LearnerOutline.Chapter> chapters) {
    }

    /** What one connection reads of a learner's stored grades and scores. */
    private record Stored(Map<String, StoredSubsectionGrade> grades, Map<String, ProblemScore> scores,
            Set<String> gates) {
    }

    private final CoursewareReaders readers;
    private final CourseGrading grading;
    private final StructureClient structures;
    private final Transactions db;
    private final GradeRepository grades;
    private final ScoreProjectionRepository scores;
    private final GateRepository gates;
    private final RenderedOutlines rendered;
    private final ObjectMapper json;

    public OutlineQuery(CoursewareReaders readers, CourseGrading grading,
            StructureClient structures, Transactions db, GradeRepository grades, ScoreProjectionRepository scores,
            GateRepository gates, RenderedOutlines rendered, ObjectMapper json) {
        this.readers = readers;
        this.grading = grading;
        this.structures = structures;
        this.db = db;
        this.grades = grades;
        this.scores = scores;
        this.gates = gates;
        this.rendered = rendered;
        this.json = json;
    }

    /** The outline as JSON (the {@link Outline} record), also gzipped. */
    public JsonBody json(Caller caller, String courseKey, CoursewareReaders.Preview preview) {
        CoursewareReaders.Reader reader = readers.reader(courseKey, preview);
        CourseRunFacts run = readers.facts().run(courseKey);
        OutlineView view = view(reader, run);
        CourseGrading.Basis basis = grading.of(courseKey);
        CourseStructure structure = view == OutlineView.STAFF
                ? structures.fullVersion(courseKey, basis.structure().version()) : basis.structure();
        UUID me = view == OutlineView.CATALOG ? null : caller.userId();
        Map<String, Instant> extended = me == null ? Map.of() : readers.facts().extensions(courseKey, me);
        GradeRepository.LearnerFingerprint fingerprint = me == null ? null
                : db.read(c -> grades.fingerprint(c, courseKey, me));
        RenderedOutlines.Key key = new RenderedOutlines.Key(courseKey, structure.version(), view, me, run,
                reader.learner(), extended, fingerprint);
        return rendered.get(key, reader.now(), () -> render(key, structure, reader));
    }

    private RenderedOutlines.Rendered render(RenderedOutlines.Key key, CourseStructure structure,
            CoursewareReaders.Reader reader) {
        LearnerOutline.LearnerFacts facts = key.learner() == null
                ? new LearnerOutline.LearnerFacts(reader.learner(), Map.of(), Map.of(), Map.of())
                : stored(key, reader, !structure.gates().isEmpty());
        CourseRunFacts run = key.run();
        boolean learnerFacts = reader.learner() != null && !reader.preview();
        Outline outline = new Outline(key.courseKey(), run.title(), run.start(), run.end(), structure.version(),
                key.view().wireName(), learnerFacts ? reader.learner().enrolled() : reader.preview(),
                learnerFacts && reader.learner().betaTester(),
                LearnerOutline.build(structure, key.view(), facts, run.publicOutline(), reader.now()));
        try {
            return new RenderedOutlines.Rendered(JsonBody.of(json.writeValueAsBytes(outline)),
                    LearnerOutline.nextChange(structure, key.view(), facts, reader.now()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Learners the course is closed to see its catalog outline when the course shows it; otherwise 403. */
    private static OutlineView view(CoursewareReaders.Reader reader, CourseRunFacts run) {
        if (reader.fullView()) {
            return OutlineView.STAFF;
        }
        if (reader.denial().isEmpty()) {
            return OutlineView.LEARNER;
        }
        if (run.publicOutline() && !reader.preview()) {
            return OutlineView.CATALOG;
        }
        throw new ProblemException(403, reader.denial().get());
    }

    /**
     * The learner's stored grades and scores and, in a course with gates, the gates they fulfil (the worker writes
     * those with the grades, so the fingerprint in the key covers them too). Gates do not apply to the team's preview.
     */
    private LearnerOutline.LearnerFacts stored(RenderedOutlines.Key key, CoursewareReaders.Reader reader,
            boolean gated) {
        String courseKey = key.courseKey();
        List<UUID> one = List.of(key.learner());
        Stored stored = db.read(c -> new Stored(
                grades.subsectionGrades(c, courseKey, one).getOrDefault(key.learner(), Map.of()),
                scores.ofLearners(c, courseKey, one).getOrDefault(key.learner(), Map.of()),
                gated ? gates.fulfilled(c, courseKey, key.learner()) : Set.of()));
        Map<String, SubsectionGrade> byKey = new HashMap<>();
        stored.grades().forEach((subsection, grade) -> byKey.put(subsection, grade.grade()));
        return new LearnerOutline.LearnerFacts(reader.learner(), key.extensions(), byKey, stored.scores(),
                reader.preview() ? null : stored.gates());
    }
}
