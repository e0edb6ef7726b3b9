package io.openlearn.enrollment.domain;

import java.util.UUID;

/** A named cohort of a run; {@code contentGroup} is null when the cohort is linked to no content group. */
public record Cohort(UUID id, String courseKey, String name, ContentGroupLink contentGroup) {
}
