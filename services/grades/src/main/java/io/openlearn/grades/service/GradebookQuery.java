package io.openlearn.grades.service;

import io.openlearn.grades.client.RosterClient;
import io.openlearn.grades.repository.GradeRepository;
import io.openlearn.grades.repository.GradebookRepository;
import io.openlearn.grades.repository.StoredSubsectionGrade;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.kit.courseware.EnrollmentTrack;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The staff gradebook: course grades with each learner's subsection percents, one page at a time. */
@ApplicationScoped
public class GradebookQuery {

    public record Entry(UUID userId, double percent, String letterGrade, boolean passed, Instant firstPassedAt,
            Instant updatedAt, Map<String, Double> subsections) {
    }

    public record Page(String courseKey, List<Entry> items, String nextCursor) {
    }

    private final Transactions db;
    private final GradebookRepository gradebook;
    private final GradeRepository grades;
    private final RosterClient roster;

    public GradebookQuery(Transactions db, GradebookRepository gradebook, GradeRepository grades,
            RosterClient roster) {
        this.db = db;
        this.gradebook = gradebook;
        this.grades = grades;
        this.roster = roster;
    }

    /**
     * The course team's gradebook (403 for anyone else); {@code sort} is {@code percent}, {@code -percent} or
     * {@code learner}; {@code learners} keeps one cohort's or one track's learners (enrollment lists them).
     */
    public Page page(Caller caller, String courseKey, GradebookRepository.Filter filter,
            RosterClient.LearnerFilter learners, String sort, String cursor, int limit) {
        CoursePermissions.require(CoursePermissions.isCourseTeam(caller, courseKey),
                "Only the course's staff may do this.");
        Paging.requireLimit(limit, 500);
        GradebookRepository.Sort order = sort(sort);
        requireTrack(learners.track());
        GradebookRepository.Filter kept = learners.isEmpty() ? filter
                : filter.onlyOf(roster.learnersOf(courseKey, learners));
        return page(courseKey, kept, order, cursor, limit);
    }

    /** 400 naming {@code track} unless it is an enrollment mode. */
    public static void requireTrack(String track) {
        if (track != null && EnrollmentTrack.ofMode(track).isEmpty()) {
            throw ProblemException.invalid("track", "one of " + String.join(", ",
                    Arrays.stream(EnrollmentTrack.values()).map(EnrollmentTrack::mode).sorted().toList()));
        }
    }

    private static GradebookRepository.Sort sort(String value) {
        return switch (value) {
            case "percent" -> GradebookRepository.Sort.PERCENT_ASC;
            case "-percent" -> GradebookRepository.Sort.PERCENT_DESC;
            case "learner" -> GradebookRepository.Sort.LEARNER;
            default -> throw ProblemException.invalid("sort", "one of percent, -percent, learner");
        };
    }

    Page page(String courseKey, GradebookRepository.Filter filter, GradebookRepository.Sort sort,
            String cursor, int limit) {
        GradebookRepository.After after = cursor == null ? null : decode(cursor);
        List<GradebookRepository.Row> rows = db.read(c -> gradebook.page(c, courseKey, filter, sort, after, limit));
        List<UUID> learners = rows.stream().map(GradebookRepository.Row::userId).toList();
        Map<UUID, Map<String, StoredSubsectionGrade>> subsections = learners.isEmpty() ? Map.of()
                : db.read(c -> grades.subsectionGrades(c, courseKey, learners));
        List<Entry> entries = rows.stream().map(row -> {
            Map<String, Double> percents = new LinkedHashMap<>();
            subsections.getOrDefault(row.userId(), Map.of())
                    .forEach((key, stored) -> percents.put(key, stored.grade().percent()));
            return new Entry(row.userId(), row.percent(), row.letterGrade(), row.passed(), row.firstPassedAt(),
                    row.updatedAt(), percents);
        }).toList();
        GradebookRepository.Row last = rows.size() == limit ? rows.get(rows.size() - 1) : null;
        return new Page(courseKey, entries, last == null ? null : encode(last));
    }

    private static String encode(GradebookRepository.Row row) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((row.percent() + "|" + row.userId())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static GradebookRepository.After decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new GradebookRepository.After(Double.parseDouble(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this gradebook returned");
        }
    }
}
