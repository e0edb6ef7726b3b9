package io.openlearn.grades.repository;

import java.time.Instant;
import java.util.UUID;

/** A persisted course grade row. */
public record StoredCourseGrade(String courseKey, UUID userId, double percent, String letterGrade, boolean passed,
        Instant firstPassedAt, long policyVersion, long contentVersion, String causeKind, String causeRef,
        Instant updatedAt) {
}
