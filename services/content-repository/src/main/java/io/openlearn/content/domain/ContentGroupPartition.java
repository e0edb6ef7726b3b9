package io.openlearn.content.domain;

import io.openlearn.kit.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One of a course's content-group partitions (Open edX's {@code user_partitions} with the cohort scheme): an id from
 * {@value #MINIMUM_ID} up ({@code MINIMUM_STATIC_PARTITION_ID}; lower ids are the platform's, such as the enrollment
 * track's {@value io.openlearn.kit.courseware.EnrollmentTrack#PARTITION_ID}), a name and its groups. Cohorts link to one of its groups; blocks restrict
 * to some of them with {@code groupAccess}.
 */
public record ContentGroupPartition(Integer id, String name, List<ContentGroup> groups) {

    public static final int MINIMUM_ID = 100;

    public record ContentGroup(Integer id, String name) {
    }

    /** What is wrong with the partition at {@code field} (e.g. {@code contentGroups[0]}). */
    public List<FieldError> violations(String field) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || id < MINIMUM_ID) {
            errors.add(new FieldError(field + ".id", "must be " + MINIMUM_ID + " or more"));
        }
        if (name == null || name.isBlank() || name.length() > 255) {
            errors.add(new FieldError(field + ".name", "must be 1 to 255 characters"));
        }
        if (groups == null || groups.isEmpty() || groups.size() > 100) {
            errors.add(new FieldError(field + ".groups", "must hold 1 to 100 groups"));
            return errors;
        }
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            ContentGroup group = groups.get(i);
            String at = field + ".groups[" + i + "]";
            if (group == null || group.id() == null || group.id() < 0) {
                errors.add(new FieldError(at + ".id", "must be 0 or more"));
            } else if (!ids.add(group.id())) {
                errors.add(new FieldError(at + ".id", "repeats the id of an earlier group"));
            }
            if (group != null && (group.name() == null || group.name().isBlank() || group.name().length() > 255)) {
                errors.add(new FieldError(at + ".name", "must be 1 to 255 characters"));
            }
        }
        return errors;
    }

    public boolean hasGroup(int groupId) {
        return groups != null && groups.stream().anyMatch(g -> g != null && g.id() != null && g.id() == groupId);
    }
}
