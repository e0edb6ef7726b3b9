package io.openlearn.content.domain;

import io.openlearn.kit.courseware.BlockSchedule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Collects a {@link GradingStructure} from blocks fed in course order, and the digest of what grading depends on:
 * each subsection's key, graded flag, format, staff-only flag, group access and prerequisite, each problem's key,
 * weight, maximum score, staff-only flag and group access, and the course's entrance exam. Schedules are inherited
 * as they arrive: in course order a chapter comes before its subsections, a subsection before its units, a unit
 * before its problems.
 */
public final class StructureCollector {

    private final List<GradingStructure.Chapter> chapters = new ArrayList<>();
    private final List<GradingStructure.Subsection> subsections = new ArrayList<>();
    private final MessageDigest digest;
    private String chapterKey;
    private BlockSchedule chapterSchedule;
    private String key;
    private BlockContent settings;
    private BlockSchedule subsectionSchedule;
    private BlockSchedule unitSchedule;
    private List<GradingStructure.ProblemWeight> problems;
    private int problemCount;
    private EntranceExam entranceExam;

    public StructureCollector() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Call for every block in course order; only chapters, subsections, units and problems matter. */
    public void accept(String blockKey, BlockType type, BlockContent content) {
        BlockContent block = content == null ? BlockContent.named(null) : content;
        switch (type) {
            case COURSE -> course(block);
            case CHAPTER -> chapter(blockKey, block);
            case SEQUENTIAL -> subsection(blockKey, block);
            case VERTICAL -> unitSchedule = block.ownSchedule().under(subsectionSchedule);
            case PROBLEM -> problem(blockKey, block);
            default -> {
            }
        }
    }

    public GradingStructure finish(String courseKey, int version, Instant publishedAt) {
        close();
        return new GradingStructure(courseKey, version, publishedAt, HexFormat.of().formatHex(digest.digest()),
                problemCount, List.copyOf(chapters), List.copyOf(subsections), entranceExam);
    }

    private void course(BlockContent block) {
        entranceExam = block.entranceExam();
        if (entranceExam != null) {
            feed("E|" + entranceExam.chapter() + "|" + entranceExam.minScore());
        }
    }

    private void chapter(String blockKey, BlockContent block) {
        close();
        chapterKey = blockKey;
        chapterSchedule = block.ownSchedule();
        chapters.add(new GradingStructure.Chapter(blockKey, block.displayName(), chapterSchedule.start(),
                chapterSchedule.staffOnly(), chapterSchedule.access()));
        subsectionSchedule = null;
        unitSchedule = null;
    }

    private void subsection(String blockKey, BlockContent block) {
        close();
        key = blockKey;
        settings = block;
        subsectionSchedule = block.ownSchedule().under(chapterSchedule);
        unitSchedule = subsectionSchedule;
        problems = new ArrayList<>();
        feed("S|" + blockKey + "|" + settings.isGraded() + "|" + settings.format()
                + staffMark(subsectionSchedule) + accessMark(subsectionSchedule) + gateMark(block.prerequisite()));
    }

    private void problem(String blockKey, BlockContent block) {
        if (problems == null || block.problem() == null) {
            return;
        }
        Problem problem = block.problem();
        BlockSchedule schedule = block.ownSchedule().under(unitSchedule);
        problems.add(new GradingStructure.ProblemWeight(blockKey, problem.possible(), problem.weight(),
                schedule.start(), schedule.staffOnly(), schedule.access()));
        problemCount++;
        feed("P|" + blockKey + "|" + problem.possible() + "|" + problem.weight() + staffMark(schedule)
                + accessMark(schedule));
    }

    private void close() {
        if (key != null) {
            subsections.add(new GradingStructure.Subsection(key, settings.displayName(), settings.isGraded(),
                    settings.format(), settings.due(), settings.showCorrectness(), List.copyOf(problems), chapterKey,
                    subsectionSchedule.start(), subsectionSchedule.staffOnly(), subsectionSchedule.hideAfterDue(),
                    subsectionSchedule.access(), settings.prerequisite()));
            key = null;
            problems = null;
        }
    }

    /** Only staff-only blocks add to a line, so the digests of courses without any stay what they were. */
    private static String staffMark(BlockSchedule schedule) {
        return schedule.staffOnly() ? "|staff" : "";
    }

    /** Likewise only restricted blocks: a group-access change is a grading change, an open course's digest stays. */
    private static String accessMark(BlockSchedule schedule) {
        return schedule.access().isOpen() ? "" : "|groups" + schedule.access().groups();
    }

    private static String gateMark(Prerequisite prerequisite) {
        return prerequisite == null ? "" : "|after " + prerequisite.subsection() + " " + prerequisite.minScore() + " "
                + prerequisite.requiredCompletion();
    }

    private void feed(String line) {
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }
}
