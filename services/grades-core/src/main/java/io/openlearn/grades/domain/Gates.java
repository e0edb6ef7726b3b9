package io.openlearn.grades.domain;

import java.util.Map;

/**
 * A published version's gates (Open edX's milestones): each gated subsection's prerequisite, and the course's
 * entrance exam (null when it has none).
 *
 * @param prerequisites gated subsection key to what opens it
 */
public record Gates(Map<String, Prerequisite> prerequisites, EntranceExam entranceExam) {

    public static final Gates NONE = new Gates(Map.of(), null);

    /** The subsection opens once {@code subsection} reaches {@code minScore} and {@code minCompletion} percent. */
    public record Prerequisite(String subsection, double minScore, double minCompletion) {
    }

    /** Every chapter but {@code chapter} opens once the learner's score over it reaches {@code minScore} percent. */
    public record EntranceExam(String chapter, double minScore) {
    }

    public Gates {
        prerequisites = prerequisites == null ? Map.of() : Map.copyOf(prerequisites);
    }

    public boolean isEmpty() {
        return prerequisites.isEmpty() && entranceExam == null;
    }
}
