package io.openlearn.kit.courseware;

import java.time.Instant;

/**
 * A block's schedule and visibility as Open edX inherits them down the course tree: a block is released no earlier
 * than its parent ({@code start} is the later of the two), is staff-only when it or any ancestor is, and is hidden
 * after its due date when its subsection says so, and open only to the groups that both it and every ancestor allow
 * ({@link GroupAccess}). Values are effective (already inherited) once {@link #under} ran.
 */
public record BlockSchedule(Instant start, boolean staffOnly, boolean hideAfterDue, Instant due, GroupAccess access) {

    public static final BlockSchedule OPEN = new BlockSchedule(null, false, false, null, GroupAccess.OPEN);

    public BlockSchedule {
        access = access == null ? GroupAccess.OPEN : access;
    }

    /** This block's own settings combined with its parent's effective ones. */
    public BlockSchedule under(BlockSchedule parent) {
        if (parent == null) {
            return this;
        }
        Instant effectiveStart = start == null ? parent.start
                : parent.start == null || start.isAfter(parent.start) ? start : parent.start;
        return new BlockSchedule(effectiveStart, staffOnly || parent.staffOnly, hideAfterDue || parent.hideAfterDue,
                due != null ? due : parent.due, access.under(parent.access));
    }

    /** Released for someone whose release horizon (now, or now plus a beta tester's head start) is {@code horizon}. */
    public boolean releasedBy(Instant horizon) {
        return start == null || !start.isAfter(horizon);
    }

    /** Hidden because its subsection hides content after a due date ({@code due}, the learner's own) that passed. */
    public boolean hiddenAfterDue(Instant due, Instant now) {
        return hideAfterDue && due != null && now.isAfter(due);
    }
}
