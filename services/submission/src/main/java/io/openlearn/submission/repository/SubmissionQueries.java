package io.openlearn.submission.repository;

import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read queries over submissions; the write side (attempts, scores) comes with auto-grading. */
@ApplicationScoped
public class SubmissionQueries {

    private final EntityManager entityManager;

    public SubmissionQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record SubmissionRow(UUID id, String itemKey, int attemptNumber, Instant submittedAt) {
    }

    @SuppressWarnings("unchecked")
    public List<SubmissionRow> ofLearnerInCourse(UUID userId, String courseKey) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT s.id, i.item_key, s.attempt_number, s.submitted_at
                  FROM submission s JOIN student_item i ON i.id = s.student_item_id
                 WHERE i.user_id = :user AND i.course_key = :course
                 ORDER BY s.submitted_at DESC
                """).setParameter("user", userId).setParameter("course", courseKey).getResultList();
        return rows.stream().map(r -> new SubmissionRow((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(),
                SqlTimes.toInstant(r[3]))).toList();
    }

}
