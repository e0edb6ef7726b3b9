package io.openlearn.grades.repository;

import io.openlearn.grades.domain.SubsectionGrade;
import java.time.Instant;
import java.util.UUID;

/** A persisted subsection grade row. */
public record StoredSubsectionGrade(UUID userId, SubsectionGrade grade, long contentVersion, String causeKind,
        String causeRef, Instant updatedAt) {
}
