package io.openlearn.grades.repository;

import io.openlearn.grades.domain.SubsectionGrade;
import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Subsection and course grades and their change history. Reads and writes take a whole slice of learners at once:
 * each write is one statement over arrays ({@code unnest}), so a slice costs the same number of statements whether
 * it holds one learner or five hundred.
 */
@ApplicationScoped
public class GradeRepository {

    private static final String LOCK = "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(k) FROM"
            + " (SELECT DISTINCT hashtextextended(? || '/' || u::text, 0) AS k FROM unnest(?::uuid[]) AS u"
            + " ORDER BY k) AS keys) AS locked";
    private static final String SUBSECTIONS = LearnerRows.select("subsection_grade", "subsection_key,"
            + " earned_graded, possible_graded, earned_all, possible_all, percent, overridden, content_version,"
            + " cause_kind, cause_ref, updated_at");
    private static final String COURSES = LearnerRows.select("course_grade", "percent, letter_grade, passed,"
            + " first_passed_at, policy_version, content_version, cause_kind, cause_ref, updated_at");
    private static final String UPSERT_SUBSECTIONS = "INSERT INTO subsection_grade (course_key, user_id,"
            + " subsection_key, earned_graded, possible_graded, earned_all, possible_all, percent, overridden,"
            + " content_version, cause_kind, cause_ref, updated_at)"
            + " SELECT ?, * FROM unnest(?::uuid[], ?::varchar[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],"
            + " ?::float8[], ?::boolean[], ?::int[], ?::varchar[], ?::varchar[], ?::timestamptz[])"
            + " ON CONFLICT (course_key, user_id, subsection_key) DO UPDATE SET"
            + " earned_graded = EXCLUDED.earned_graded, possible_graded = EXCLUDED.possible_graded,"
            + " earned_all = EXCLUDED.earned_all, possible_all = EXCLUDED.possible_all, percent = EXCLUDED.percent,"
            + " overridden = EXCLUDED.overridden, content_version = EXCLUDED.content_version,"
            + " cause_kind = EXCLUDED.cause_kind, cause_ref = EXCLUDED.cause_ref, updated_at = EXCLUDED.updated_at";
    private static final String DELETE_GONE_SUBSECTIONS = "DELETE FROM subsection_grade WHERE course_key = ?"
            + " AND user_id = ANY (?) AND NOT (subsection_key = ANY (?))";
    private static final String UPSERT_COURSES = "INSERT INTO course_grade (course_key, user_id, percent,"
            + " letter_grade, passed, first_passed_at, policy_version, content_version, cause_kind, cause_ref,"
            + " updated_at) SELECT ?, * FROM unnest(?::uuid[], ?::float8[], ?::varchar[], ?::boolean[],"
            + " ?::timestamptz[], ?::int[], ?::int[], ?::varchar[], ?::varchar[], ?::timestamptz[])"
            + " ON CONFLICT (user_id, course_key) DO UPDATE SET percent = EXCLUDED.percent,"
            + " letter_grade = EXCLUDED.letter_grade, passed = EXCLUDED.passed,"
            + " first_passed_at = EXCLUDED.first_passed_at, policy_version = EXCLUDED.policy_version,"
            + " content_version = EXCLUDED.content_version, cause_kind = EXCLUDED.cause_kind,"
            + " cause_ref = EXCLUDED.cause_ref, updated_at = EXCLUDED.updated_at";
    private static final String INSERT_CHANGES = "INSERT INTO grade_change (course_key, user_id, subsection_key,"
            + " old_percent, new_percent, old_earned, new_earned, old_possible, new_possible, old_letter, new_letter,"
            + " old_passed, new_passed, cause_kind, cause_ref, changed_at) SELECT ?, * FROM unnest(?::uuid[],"
            + " ?::varchar[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],"
            + " ?::varchar[], ?::varchar[], ?::boolean[], ?::boolean[], ?::varchar[], ?::varchar[],"
            + " ?::timestamptz[])";
    private static final String OF_LEARNER = "SELECT course_key, user_id, percent, letter_grade, passed,"
            + " first_passed_at, policy_version, content_version, cause_kind, cause_ref, updated_at"
            + " FROM course_grade WHERE user_id = ? ORDER BY course_key";
    private static final String FINGERPRINT = "SELECT"
            + " (SELECT max(updated_at) FROM subsection_grade WHERE course_key = ? AND user_id = ?),"
            + " (SELECT count(*) FROM subsection_grade WHERE course_key = ? AND user_id = ?),"
            + " (SELECT coalesce(sum(sequence), 0) FROM score_projection WHERE course_key = ? AND user_id = ?),"
            + " (SELECT count(*) FROM score_projection WHERE course_key = ? AND user_id = ?),"
            + " (SELECT max(fulfilled_at) FROM gate_fulfilment WHERE course_key = ? AND user_id = ?),"
            + " (SELECT count(*) FROM gate_fulfilment WHERE course_key = ? AND user_id = ?)";
    private static final String HISTORY = "SELECT id, subsection_key, old_percent, new_percent, old_earned,"
            + " new_earned, old_possible, new_possible, old_letter, new_letter, old_passed, new_passed, cause_kind,"
            + " cause_ref, changed_at FROM grade_change WHERE course_key = ? AND user_id = ? AND id < ?"
            + " ORDER BY id DESC LIMIT ?";

    /**
     * Serialises every recompute of these learners in this course until the transaction ends: one STREAM message
     * and a BATCH slice never interleave their reads and writes of the same learner. Locks are taken in key order.
     */
    public void lockLearners(Connection db, String courseKey, Collection<UUID> learners) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement(LOCK)) {
            lock.setString(1, courseKey);
            lock.setArray(2, db.createArrayOf("uuid", learners.toArray()));
            lock.executeQuery().close();
        }
    }

    public Map<UUID, Map<String, StoredSubsectionGrade>> subsectionGrades(Connection db, String courseKey,
            Collection<UUID> learners) throws SQLException {
        Map<UUID, Map<String, StoredSubsectionGrade>> grades = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(SUBSECTIONS)) {
            LearnerRows.bind(db, query, courseKey, learners);
            query.setFetchSize(10_000);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    UUID user = row.getObject(1, UUID.class);
                    SubsectionGrade grade = new SubsectionGrade(row.getString(2), row.getDouble(3), row.getDouble(4),
                            row.getDouble(5), row.getDouble(6), row.getDouble(7), row.getBoolean(8));
                    grades.computeIfAbsent(user, u -> new HashMap<>()).put(grade.subsectionKey(),
                            new StoredSubsectionGrade(user, grade, row.getLong(9), row.getString(10),
                                    row.getString(11), SqlTimes.instant(row, 12)));
                }
            }
        }
        return grades;
    }

    public Map<UUID, StoredCourseGrade> courseGrades(Connection db, String courseKey, Collection<UUID> learners)
            throws SQLException {
        Map<UUID, StoredCourseGrade> grades = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(COURSES)) {
            LearnerRows.bind(db, query, courseKey, learners);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    UUID user = row.getObject(1, UUID.class);
                    grades.put(user, new StoredCourseGrade(courseKey, user, row.getDouble(2), row.getString(3),
                            row.getBoolean(4), SqlTimes.instant(row, 5), row.getLong(6), row.getLong(7),
                            row.getString(8), row.getString(9), SqlTimes.instant(row, 10)));
                }
            }
        }
        return grades;
    }

    /**
     * Records whether the learner is actively enrolled: a learner who left is listed in {@code course_departure}
     * (their grades stay), one who came back is not. Independent of their grade rows, so it holds whichever was
     * written first.
     */
    public void markEnrolled(Connection db, String courseKey, UUID learner, boolean enrolled) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(enrolled
                ? "DELETE FROM course_departure WHERE course_key = ? AND user_id = ?"
                : "INSERT INTO course_departure (course_key, user_id, departed_at) VALUES (?, ?, now())"
                        + " ON CONFLICT DO NOTHING")) {
            update.setString(1, courseKey);
            update.setObject(2, learner);
            update.executeUpdate();
        }
    }

    /**
     * What changes whenever a learner's stored grades, scores or fulfilled gates in a course change: the newest
     * subsection grade write and their count, the sum of the projected scores' sequences (each newer score raises it)
     * and their count, and the newest fulfilled gate and their count (a gate can change in a regrade that changes no
     * grade of the learner, when a publish moved it).
     */
    public record LearnerFingerprint(Instant gradesUpdatedAt, long grades, long scoreSequences, long scores,
            Instant gatesFulfilledAt, long gates) {
    }

    public LearnerFingerprint fingerprint(Connection db, String courseKey, UUID learner) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(FINGERPRINT)) {
            for (int i = 0; i < 6; i++) {
                query.setString(2 * i + 1, courseKey);
                query.setObject(2 * i + 2, learner);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new LearnerFingerprint(SqlTimes.instant(row, 1), row.getLong(2), row.getLong(3),
                        row.getLong(4), SqlTimes.instant(row, 5), row.getLong(6));
            }
        }
    }

    /** A learner's course grades in every course, by course key. */
    public List<StoredCourseGrade> ofLearner(Connection db, UUID userId) throws SQLException {
        List<StoredCourseGrade> grades = new java.util.ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(OF_LEARNER)) {
            query.setObject(1, userId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    grades.add(new StoredCourseGrade(row.getString(1), userId, row.getDouble(3), row.getString(4),
                            row.getBoolean(5), SqlTimes.instant(row, 6), row.getLong(7), row.getLong(8),
                            row.getString(9), row.getString(10), SqlTimes.instant(row, 11)));
                }
            }
        }
        return grades;
    }

    /** Writes the given subsection grades (all of one course) in one statement. */
    public void writeSubsectionGrades(Connection db, String courseKey, List<StoredSubsectionGrade> rows)
            throws SQLException {
        UnnestRows columns = new UnnestRows("uuid", "varchar", "float8", "float8", "float8", "float8", "float8",
                "boolean", "int4", "varchar", "varchar", "timestamptz");
        for (StoredSubsectionGrade row : rows) {
            SubsectionGrade grade = row.grade();
            columns.add(row.userId(), grade.subsectionKey(), grade.earnedGraded(), grade.possibleGraded(),
                    grade.earnedAll(), grade.possibleAll(), grade.percent(), grade.overridden(),
                    (int) row.contentVersion(), row.causeKind(), row.causeRef(), row.updatedAt());
        }
        columns.execute(db, UPSERT_SUBSECTIONS, courseKey);
    }

    /** Removes the learners' grades of subsections the current structure no longer has. */
    public void deleteOtherSubsections(Connection db, String courseKey, Collection<UUID> learners,
            Collection<String> currentSubsections) throws SQLException {
        try (PreparedStatement delete = db.prepareStatement(DELETE_GONE_SUBSECTIONS)) {
            delete.setString(1, courseKey);
            delete.setArray(2, db.createArrayOf("uuid", learners.toArray()));
            delete.setArray(3, db.createArrayOf("varchar", currentSubsections.toArray()));
            delete.executeUpdate();
        }
    }

    /** Writes the given course grades (all of one course) in one statement. */
    public void writeCourseGrades(Connection db, String courseKey, List<StoredCourseGrade> rows) throws SQLException {
        UnnestRows columns = new UnnestRows("uuid", "float8", "varchar", "boolean", "timestamptz", "int4", "int4",
                "varchar", "varchar", "timestamptz");
        for (StoredCourseGrade row : rows) {
            columns.add(row.userId(), row.percent(), row.letterGrade(), row.passed(), row.firstPassedAt(),
                    (int) row.policyVersion(), (int) row.contentVersion(), row.causeKind(), row.causeRef(),
                    row.updatedAt());
        }
        columns.execute(db, UPSERT_COURSES, courseKey);
    }

    /** Appends history lines (all of one course) in one statement. */
    public void appendChanges(Connection db, String courseKey, List<GradeChange> changes) throws SQLException {
        UnnestRows columns = new UnnestRows("uuid", "varchar", "float8", "float8", "float8", "float8", "float8",
                "float8", "varchar", "varchar", "boolean", "boolean", "varchar", "varchar", "timestamptz");
        for (GradeChange change : changes) {
            columns.add(change.userId(), change.subsectionKey(), change.oldPercent(), change.newPercent(),
                    change.oldEarned(), change.newEarned(), change.oldPossible(), change.newPossible(),
                    change.oldLetter(), change.newLetter(), change.oldPassed(), change.newPassed(),
                    change.cause().kind(), change.cause().ref(), change.changedAt());
        }
        columns.execute(db, INSERT_CHANGES, courseKey);
    }

    /** A learner's history in a course, newest first, before the given id (keyset paging). */
    public List<GradeChange> history(Connection db, String courseKey, UUID userId, long beforeId, int limit)
            throws SQLException {
        List<GradeChange> changes = new java.util.ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(HISTORY)) {
            query.setString(1, courseKey);
            query.setObject(2, userId);
            query.setLong(3, beforeId);
            query.setInt(4, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    changes.add(new GradeChange(row.getLong(1), courseKey, userId, row.getString(2),
                            nullableDouble(row, 3), row.getDouble(4), nullableDouble(row, 5), nullableDouble(row, 6),
                            nullableDouble(row, 7), nullableDouble(row, 8), row.getString(9), row.getString(10),
                            nullableBoolean(row, 11), nullableBoolean(row, 12),
                            new Cause(row.getString(13), row.getString(14), false), SqlTimes.instant(row, 15)));
                }
            }
        }
        return changes;
    }

    private static Double nullableDouble(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static Boolean nullableBoolean(ResultSet row, int column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

}
