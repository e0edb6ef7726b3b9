package io.openlearn.grades.repository;

import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** BATCH jobs and their slices: progress anyone can read, and the resume point of a restarted worker. */
@ApplicationScoped
public class JobRepository {

    /** One slice still to do: its number and learners. */
    public record Slice(int number, List<UUID> learners) {
    }

    private static final String COLUMNS = "id, course_key, kind, state, cause_kind, cause_ref, item_key, requested_by,"
            + " slices_total, slices_done, learners_done, result_key, error, created_at, started_at, finished_at, by_admin,"
            + " include_unenrolled, cohort_id, track";
    private static final String INSERT = "INSERT INTO grade_job (id, course_key, kind, state, cause_kind, cause_ref,"
            + " item_key, requested_by, created_at, by_admin, include_unenrolled, cohort_id, track)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO NOTHING";
    private static final String FIND = "SELECT " + COLUMNS + " FROM grade_job WHERE id = ?";
    private static final String OF_COURSE = "SELECT " + COLUMNS + " FROM grade_job WHERE course_key = ?"
            + " ORDER BY created_at DESC LIMIT ?";
    private static final String ADD_SLICE = "INSERT INTO grade_job_slice (job_id, slice_no, user_ids) VALUES (?, ?, ?)"
            + " ON CONFLICT DO NOTHING";
    private static final String PLANNED = "UPDATE grade_job SET slices_total = ?, state = 'running',"
            + " started_at = now() WHERE id = ?";
    private static final String OPEN_SLICES = "SELECT slice_no, user_ids FROM grade_job_slice WHERE job_id = ?"
            + " AND NOT done ORDER BY slice_no";
    private static final String SLICE_DONE = "WITH slice AS (UPDATE grade_job_slice SET done = true WHERE job_id = ?"
            + " AND slice_no = ? AND NOT done RETURNING cardinality(user_ids) AS learners)"
            + " UPDATE grade_job SET slices_done = slices_done + 1, learners_done = learners_done + slice.learners"
            + " FROM slice WHERE id = ?";
    private static final String FINISH = "UPDATE grade_job SET state = ?, result_key = ?, error = ?,"
            + " finished_at = now() WHERE id = ?";

    public boolean create(Connection db, GradeJob job) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(INSERT)) {
            insert.setObject(1, job.id());
            insert.setString(2, job.courseKey());
            insert.setString(3, job.kind().name());
            insert.setString(4, job.state().name());
            insert.setString(5, job.causeKind());
            insert.setString(6, job.causeRef());
            insert.setString(7, job.itemKey());
            insert.setString(8, job.requestedBy());
            SqlTimes.setInstant(insert, 9, job.createdAt());
            insert.setBoolean(10, job.byAdmin());
            insert.setBoolean(11, job.includeUnenrolled());
            insert.setObject(12, job.cohort());
            insert.setString(13, job.track());
            return insert.executeUpdate() == 1;
        }
    }

    public Optional<GradeJob> find(Connection db, UUID id) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(FIND)) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(job(row)) : Optional.empty();
            }
        }
    }

    public List<GradeJob> ofCourse(Connection db, String courseKey, int limit) throws SQLException {
        List<GradeJob> jobs = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(OF_COURSE)) {
            query.setString(1, courseKey);
            query.setInt(2, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    jobs.add(job(row));
                }
            }
        }
        return jobs;
    }

    /** Stores the slices and marks the job running with its total; slices already stored stay as they are. */
    public void plan(Connection db, UUID jobId, List<List<UUID>> slices) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(ADD_SLICE)) {
            for (int i = 0; i < slices.size(); i++) {
                insert.setObject(1, jobId);
                insert.setInt(2, i);
                insert.setArray(3, db.createArrayOf("uuid", slices.get(i).toArray()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = db.prepareStatement(PLANNED)) {
            update.setInt(1, slices.size());
            update.setObject(2, jobId);
            update.executeUpdate();
        }
    }

    public List<Slice> openSlices(Connection db, UUID jobId) throws SQLException {
        List<Slice> slices = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(OPEN_SLICES)) {
            query.setObject(1, jobId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    UUID[] learners = (UUID[]) row.getArray(2).getArray();
                    slices.add(new Slice(row.getInt(1), Arrays.asList(learners)));
                }
            }
        }
        return slices;
    }

    /** Marks a slice done and counts it, once: a second call for the same slice changes nothing. */
    public void sliceDone(Connection db, UUID jobId, int slice) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(SLICE_DONE)) {
            update.setObject(1, jobId);
            update.setInt(2, slice);
            update.setObject(3, jobId);
            update.executeUpdate();
        }
    }

    public void finish(Connection db, UUID jobId, GradeJob.State state, String resultKey, String error)
            throws SQLException {
        try (PreparedStatement update = db.prepareStatement(FINISH)) {
            update.setString(1, state.name());
            update.setString(2, resultKey);
            update.setString(3, error == null || error.length() <= 2000 ? error : error.substring(0, 2000));
            update.setObject(4, jobId);
            update.executeUpdate();
        }
    }

    private static GradeJob job(ResultSet row) throws SQLException {
        int total = row.getInt(9);
        Integer slicesTotal = row.wasNull() ? null : total;
        return new GradeJob(row.getObject(1, UUID.class), row.getString(2), GradeJob.Kind.valueOf(row.getString(3)),
                GradeJob.State.valueOf(row.getString(4)), row.getString(5), row.getString(6), row.getString(7),
                row.getString(8), slicesTotal, row.getInt(10), row.getInt(11), row.getString(12), row.getString(13),
                SqlTimes.instant(row, 14), SqlTimes.instant(row, 15), SqlTimes.instant(row, 16), row.getBoolean(17),
                row.getBoolean(18), row.getObject(19, UUID.class), row.getString(20));
    }
}
