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
    /** Block key to the subsection that holds it (a subsection to itself), for a learner's extended due dates. */
    private final Map<String, String> subsections = new HashMap<>();
    private boolean hidesAfterDue;
    private boolean gated;

    /** Call for every block, parents before children. */
    public void accept(String key, BlockType type, String parent, BlockContent content) {
        BlockSchedule inherited = parent == null ? BlockSchedule.OPEN
                : effective.getOrDefault(parent, BlockSchedule.OPEN);
        BlockSchedule own = content == null ? BlockSchedule.OPEN : content.ownSchedule();
        BlockSchedule schedule = own.equals(BlockSchedule.OPEN) ? inherited : own.under(inherited);
        effective.put(key, schedule);
        types.put(key, type);
        String subsection = type == BlockType.SEQUENTIAL ? key : parent == null ? null : subsections.get(parent);
        if (subsection != null) {
            subsections.put(key, subsection);
        }
        hidesAfterDue |= schedule.hideAfterDue();
        gated |= content != null && (content.prerequisite() != null || content.entranceExam() != null);
    }

    /** Whether the version has an entrance exam or a prerequisite (then grades says what is locked). */
    public boolean gated() {
        return gated;
    }

    /**
     * The subsection a gate would lock this block's content by: the subsection that holds it, null for the subsection
     * itself (it stays listed, locked, as in the outline) and for blocks above subsections.
     */
    public String lockedBy(String key) {
        String subsection = subsections.get(key);
        return subsection == null || subsection.equals(key) ? null : subsection;
    }

    /** Whether any subsection of the version hides its content after its due date (extensions then matter). */
    public boolean hidesAfterDue() {
        return hidesAfterDue;
    }

    public BlockSchedule of(String key) {
        return effective.getOrDefault(key, BlockSchedule.OPEN);
    }

    /**
     * Whether a learner may read this block now: released by their horizon, not staff-only and open to their groups
     * (all inherited);
     * below a subsection that hides its content after the due date, not once that date (the learner's extension
     * when {@code extendedDue} has one for the subsection) passed. The subsection itself stays listed, as Open edX
     * keeps it in the outline.
     */
    public boolean visibleTo(String key, LearnerAccess learner, Instant now, Map<String, Instant> extendedDue) {
        BlockSchedule schedule = of(key);
        if (schedule.staffOnly() || !schedule.releasedBy(learner.horizon(now))
                || !learner.inGroupsOf(schedule.access())) {
            return false;
        }
        if (types.get(key) == BlockType.SEQUENTIAL || !schedule.hideAfterDue()) {
            return true;
        }
        Instant extended = extendedDue.get(subsections.get(key));
        return !schedule.hiddenAfterDue(extended != null ? extended : schedule.due(), now);
    }

    public int size() {
        return effective.size();
    }
}
