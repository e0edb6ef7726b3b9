package io.openlearn.content.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Collects a {@link GradingStructure} from blocks fed in course order, and the digest of what grading depends on:
 * each subsection's key, graded flag and format, and each problem's key, weight and maximum score.
 */
public final class StructureCollector {

    private final List<GradingStructure.Subsection> subsections = new ArrayList<>();
    private final MessageDigest digest;
    private String key;
    private BlockContent settings;
    private List<GradingStructure.ProblemWeight> problems;
    private int problemCount;

    public StructureCollector() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Call for every block in course order; only subsections and problems matter. */
    public void accept(String blockKey, BlockType type, BlockContent content) {
        if (type == BlockType.SEQUENTIAL || type == BlockType.CHAPTER) {
            close();
        }
        if (type == BlockType.SEQUENTIAL) {
            key = blockKey;
            settings = content == null ? BlockContent.named(null) : content;
            problems = new ArrayList<>();
            feed("S|" + blockKey + "|" + settings.isGraded() + "|" + settings.format());
        } else if (type == BlockType.PROBLEM && problems != null && content != null && content.problem() != null) {
            Problem problem = content.problem();
            problems.add(new GradingStructure.ProblemWeight(blockKey, problem.possible(), problem.weight()));
            problemCount++;
            feed("P|" + blockKey + "|" + problem.possible() + "|" + problem.weight());
        }
    }

    public GradingStructure finish(String courseKey, int version, Instant publishedAt) {
        close();
        return new GradingStructure(courseKey, version, publishedAt, HexFormat.of().formatHex(digest.digest()),
                problemCount, List.copyOf(subsections));
    }

    private void close() {
        if (key != null) {
            subsections.add(new GradingStructure.Subsection(key, settings.displayName(), settings.isGraded(),
                    settings.format(), settings.due(), settings.showCorrectness(), List.copyOf(problems)));
            key = null;
            problems = null;
        }
    }

    private void feed(String line) {
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }
}
