package io.openlearn.grades.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the grade-change history: a subsection grade (subsectionKey set; earned/possible are the graded
 * values) or the course grade (subsectionKey null; letter and passed set). Old values are null for a first grade.
 */
public record GradeChange(long id, String courseKey, UUID userId, String subsectionKey, Double oldPercent,
        double newPercent, Double oldEarned, Double newEarned, Double oldPossible, Double newPossible,
        String oldLetter, String newLetter, Boolean oldPassed, Boolean newPassed, Cause cause, Instant changedAt) {
}
