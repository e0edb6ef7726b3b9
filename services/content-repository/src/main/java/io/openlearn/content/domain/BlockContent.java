package io.openlearn.content.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.openlearn.kit.courseware.BlockSchedule;
import io.openlearn.kit.courseware.EnrollmentTrack;
import io.openlearn.kit.courseware.GroupAccess;
import io.openlearn.kit.problem.Problem.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What an author edits on a block. Subsection (sequential) settings are what grading reads: {@code graded},
 * {@code format} (the assignment type), {@code due} and {@code showCorrectness}. Schedule and visibility, as Open
 * edX has them: {@code start} (release date) on chapters, sequentials and verticals, {@code visibleToStaffOnly} on
 * any block below the course, {@code hideAfterDue} on sequentials; children inherit them ({@link BlockSchedule}).
 * Groups, as Open edX's user partitions: the course block holds the course's {@code contentGroups} partitions, and
 * any block below it may restrict itself to groups with {@code groupAccess} (partition id to group ids), which its
 * children inherit. Whether a {@code groupAccess} names partitions and groups that exist is the draft's to check
 * ({@link #groupAccessViolations}), since the partitions live on the course block. Gates, as Open edX's milestones:
 * a sequential's {@code prerequisite} (another sequential and the score it must reach) and the course block's
 * {@code entranceExam} (a chapter and its minimum score); what they name is checked by {@link GateCheck}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlockContent(String displayName, Boolean graded, String format, Instant due,
        ShowCorrectness showCorrectness, String html, String videoUrl, Problem problem,
        Instant start, Boolean visibleToStaffOnly, Boolean hideAfterDue, GroupAccess groupAccess,
        List<ContentGroupPartition> contentGroups, Prerequisite prerequisite, EntranceExam entranceExam) {

    public static final int MAX_HTML_LENGTH = 200_000;

    public static BlockContent named(String displayName) {
        return new BlockContent(displayName, null, null, null, null, null, null, null, null, null, null, null, null,
                null,
                null);
    }

    public BlockContent withoutAnswerKey() {
        return problem == null ? this : new BlockContent(displayName, graded, format, due, showCorrectness, html,
                videoUrl, problem.withoutAnswerKey(), start, visibleToStaffOnly, hideAfterDue, groupAccess,
                contentGroups, prerequisite, entranceExam);
    }

    /**
     * Only what the grading structure reads: subsection settings, schedule and visibility (group access included),
     * gates (a sequential's prerequisite, the course's entrance exam), a problem's maximum score and weight.
     */
    public BlockContent gradingView() {
        Problem scored = problem == null ? null : new Problem(problem.kind(), null, null, null, null, null, null, null,
                null, null, problem.maxScore(), problem.weight(), null);
        return new BlockContent(displayName, graded, format, due, showCorrectness, null, null, scored, start,
                visibleToStaffOnly, hideAfterDue, groupAccess, null, prerequisite, entranceExam);
    }

    /** The same content with the block keys its gates name passed through {@code rekey} (copying to another run). */
    public BlockContent withGatesRekeyed(UnaryOperator<String> rekey) {
        if (prerequisite == null && entranceExam == null) {
            return this;
        }
        Prerequisite after = prerequisite == null ? null
                : new Prerequisite(rekey.apply(prerequisite.subsection()), prerequisite.minScore(),
                        prerequisite.minCompletion());
        EntranceExam exam = entranceExam == null ? null
                : new EntranceExam(rekey.apply(entranceExam.chapter()), entranceExam.minScore());
        return new BlockContent(displayName, graded, format, due, showCorrectness, html, videoUrl, problem, start,
                visibleToStaffOnly, hideAfterDue, groupAccess, contentGroups, after, exam);
    }

    @JsonIgnore
    public boolean isGraded() {
        return Boolean.TRUE.equals(graded);
    }

    /** The block's own schedule and visibility, before inheritance. */
    @JsonIgnore
    public BlockSchedule ownSchedule() {
        return new BlockSchedule(start, Boolean.TRUE.equals(visibleToStaffOnly), Boolean.TRUE.equals(hideAfterDue),
                due, groupAccess);
    }

    /** The fields a block of {@code type} may carry, and nothing else. */
    public List<FieldError> violations(BlockType type) {
        List<FieldError> errors = new ArrayList<>();
        if (displayName != null && displayName.length() > 255) {
            errors.add(new FieldError("displayName", "must be at most 255 characters"));
        }
        boolean sequential = type == BlockType.SEQUENTIAL;
        onlyOn(errors, sequential, graded, "graded", "sequential");
        onlyOn(errors, sequential, format, "format", "sequential");
        onlyOn(errors, sequential, due, "due", "sequential");
        onlyOn(errors, sequential, showCorrectness, "showCorrectness", "sequential");
        boolean container = type == BlockType.CHAPTER || sequential || type == BlockType.VERTICAL;
        onlyOn(errors, container, start, "start", "chapter, sequential or vertical");
        onlyOn(errors, type != BlockType.COURSE, visibleToStaffOnly, "visibleToStaffOnly",
                "chapter, sequential, vertical, problem, html or video");
        onlyOn(errors, sequential, hideAfterDue, "hideAfterDue", "sequential");
        onlyOn(errors, type != BlockType.COURSE, groupAccess, "groupAccess",
                "chapter, sequential, vertical, problem, html or video");
        onlyOn(errors, type == BlockType.COURSE, contentGroups, "contentGroups", "course");
        onlyOn(errors, sequential, prerequisite, "prerequisite", "sequential");
        if (sequential && prerequisite != null) {
            errors.addAll(prerequisite.violations("prerequisite"));
        }
        onlyOn(errors, type == BlockType.COURSE, entranceExam, "entranceExam", "course");
        if (type == BlockType.COURSE && entranceExam != null) {
            errors.addAll(entranceExam.violations("entranceExam"));
        }
        if (contentGroups != null) {
            errors.addAll(partitionViolations());
        }
        onlyOn(errors, type == BlockType.HTML, html, "html", "html");
        onlyOn(errors, type == BlockType.VIDEO, videoUrl, "videoUrl", "video");
        onlyOn(errors, type == BlockType.PROBLEM, problem, "problem", "problem");
        if (format != null && (format.isBlank() || format.length() > 64)) {
            errors.add(new FieldError("format", "must be 1 to 64 characters (an assignment type of the policy)"));
        }
        if (isGraded() && format == null) {
            errors.add(new FieldError("format", "is required on a graded subsection (its assignment type)"));
        }
        if (html != null && html.length() > MAX_HTML_LENGTH) {
            errors.add(new FieldError("html", "must be at most " + MAX_HTML_LENGTH + " characters"));
        }
        if (videoUrl != null && !(videoUrl.startsWith("https://") || videoUrl.startsWith("http://"))) {
            errors.add(new FieldError("videoUrl", "must be an http(s) URL"));
        }
        if (type == BlockType.PROBLEM) {
            if (problem == null) {
                errors.add(new FieldError("problem", "is required on a problem block"));
            } else {
                errors.addAll(problem.violations("problem."));
            }
        }
        return errors;
    }

    private List<FieldError> partitionViolations() {
        List<FieldError> errors = new ArrayList<>();
        if (contentGroups.size() > 20) {
            errors.add(new FieldError("contentGroups", "must hold at most 20 partitions"));
        }
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < contentGroups.size(); i++) {
            ContentGroupPartition partition = contentGroups.get(i);
            if (partition == null) {
                errors.add(new FieldError("contentGroups[" + i + "]", "must be a partition"));
                continue;
            }
            errors.addAll(partition.violations("contentGroups[" + i + "]"));
            if (partition.id() != null && !ids.add(partition.id())) {
                errors.add(new FieldError("contentGroups[" + i + "].id", "repeats the id of an earlier partition"));
            }
        }
        return errors;
    }

    /**
     * What is wrong with this block's {@code groupAccess} given the course's partitions: every partition must be the
     * enrollment track's or one of {@code partitions}, and every group one of that partition's; a partition may not
     * allow no group at all.
     */
    public List<FieldError> groupAccessViolations(List<ContentGroupPartition> partitions) {
        List<FieldError> errors = new ArrayList<>();
        if (groupAccess == null) {
            return errors;
        }
        groupAccess.groups().forEach((partitionId, groupIds) -> {
            String field = "groupAccess." + partitionId;
            ContentGroupPartition partition = partitions == null ? null : partitions.stream()
                    .filter(p -> p != null && partitionId.equals(p.id())).findFirst().orElse(null);
            boolean track = partitionId == EnrollmentTrack.PARTITION_ID;
            if (!track && partition == null) {
                errors.add(new FieldError(field, "names no partition of this course (the enrollment track is "
                        + EnrollmentTrack.PARTITION_ID + ", content groups are the course's "
                        + "contentGroups)"));
            } else if (groupIds.isEmpty()) {
                errors.add(new FieldError(field, "must allow at least one group"));
            } else {
                groupIds.stream().filter(id -> track ? EnrollmentTrack.ofGroup(id).isEmpty()
                        : !partition.hasGroup(id)).findFirst().ifPresent(id -> errors.add(new FieldError(field,
                                "names group " + id + ", which the partition does not have")));
            }
        });
        return errors;
    }

    private static void onlyOn(List<FieldError> errors, boolean allowed, Object value, String field, String type) {
        if (!allowed && value != null) {
            errors.add(new FieldError(field, "only a " + type + " block has " + field));
        }
    }
}
