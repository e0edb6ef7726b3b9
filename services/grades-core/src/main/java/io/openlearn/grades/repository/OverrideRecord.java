package io.openlearn.grades.repository;

import io.openlearn.grades.domain.SubsectionOverride;
import java.time.Instant;
import java.util.UUID;

/** A staff override as stored: what it sets, who set it and why. {@code action} is set or cleared in history. */
public record OverrideRecord(UUID id, String courseKey, UUID userId, String subsectionKey, String action,
        SubsectionOverride values, String reason, String actor, Instant at) {
}
