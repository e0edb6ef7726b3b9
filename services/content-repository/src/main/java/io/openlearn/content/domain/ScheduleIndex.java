package io.openlearn.content.domain;

import io.openlearn.kit.courseware.BlockSchedule;
import io.openlearn.kit.courseware.LearnerAccess;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Every block of one published version with its effective schedule and visibility, inherited down the tree. Built
 * from blocks fed parents first (course order), so one pass suffices; a block without settings of its own shares
 * its parent's schedule object. Published versions never change, so an index is built once per version.
 */
public final class ScheduleIndex {

    private final Map<String, BlockSchedule> effective = new HashMap<>();
    private final Map<String, BlockType> types = new HashMap<>();

    /** Call for every block, parents before children. */
    public void accept(String key, BlockType type, String parent, BlockContent content) {
        BlockSchedule inherited = parent == null ? BlockSchedule.OPEN
                : effective.getOrDefault(parent, BlockSchedule.OPEN);
        BlockSchedule own = content == null ? BlockSchedule.OPEN : content.ownSchedule();
        effective.put(key, own.equals(BlockSchedule.OPEN) ? inherited : own.under(inherited));
        types.put(key, type);
    }

    public BlockSchedule of(String key) {
        return effective.getOrDefault(key, BlockSchedule.OPEN);
    }

    /**
     * Whether a learner may read this block now: released by their horizon and not staff-only (both inherited);
     * below a subsection that hides its content after the due date, not once that date passed. The subsection
     * itself stays listed, as Open edX keeps it in the outline.
     */
    public boolean visibleTo(String key, LearnerAccess learner, Instant now) {
        BlockSchedule schedule = of(key);
        if (schedule.staffOnly() || !schedule.releasedBy(learner.horizon(now))) {
            return false;
        }
        return types.get(key) == BlockType.SEQUENTIAL || !schedule.hiddenAfterDue(schedule.due(), now);
    }

    public int size() {
        return effective.size();
    }
}
