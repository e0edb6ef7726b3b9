package io.openlearn.submission.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerGraderTest {

    private static AnswerKey choice(boolean multiple, List<String> correct) {
        return new AnswerKey(AnswerKey.Kind.CHOICE, List.of("a", "b", "c"), multiple, correct, null,
                AnswerKey.ToleranceMode.ABSOLUTE, 0, List.of(), false, null, 3, null);
    }

    private static AnswerKey numerical(double answer, AnswerKey.ToleranceMode mode, double tolerance) {
        return new AnswerKey(AnswerKey.Kind.NUMERICAL, List.of(), false, List.of(), answer, mode, tolerance,
                List.of(), false, null, 1, null);
    }

    private static AnswerKey text(List<String> accepted, boolean caseSensitive, String pattern) {
        return new AnswerKey(AnswerKey.Kind.TEXT, List.of(), false, List.of(), null, AnswerKey.ToleranceMode.ABSOLUTE,
                0, accepted, caseSensitive, pattern, 1, null);
    }

    private static Answer choices(String... ids) {
        return new Answer(List.of(ids), null, null);
    }

    @Test
    void choiceProblemsAreAllOrNothingOnTheExactSet() {
        assertEquals(new Grade(3, 3, true), AnswerGrader.grade(choice(false, List.of("b")), choices("b")));
        assertEquals(new Grade(0, 3, false), AnswerGrader.grade(choice(false, List.of("b")), choices("a")));
        assertTrue(AnswerGrader.grade(choice(true, List.of("a", "c")), choices("c", "a")).correct());
        assertFalse(AnswerGrader.grade(choice(true, List.of("a", "c")), choices("a")).correct());
        assertFalse(AnswerGrader.grade(choice(true, List.of("a", "c")), choices("a", "b", "c")).correct());
        assertThrows(AnswerShapeException.class, () -> AnswerGrader.grade(choice(false, List.of("b")),
                choices("a", "b")));
        assertThrows(AnswerShapeException.class, () -> AnswerGrader.grade(choice(true, List.of("b")), choices("z")));
        assertThrows(AnswerShapeException.class, () -> AnswerGrader.grade(choice(true, List.of("b")),
                new Answer(null, 1.0, null)));
    }

    @Test
    void numericalToleranceIsAbsoluteOrRelativeToTheAnswer() {
        assertTrue(AnswerGrader.grade(numerical(9.81, AnswerKey.ToleranceMode.ABSOLUTE, 0.05),
                new Answer(null, 9.85, null)).correct());
        assertFalse(AnswerGrader.grade(numerical(9.81, AnswerKey.ToleranceMode.ABSOLUTE, 0.05),
                new Answer(null, 9.87, null)).correct());
        assertTrue(AnswerGrader.grade(numerical(200, AnswerKey.ToleranceMode.RELATIVE, 0.02),
                new Answer(null, 204.0, null)).correct());
        assertFalse(AnswerGrader.grade(numerical(200, AnswerKey.ToleranceMode.RELATIVE, 0.02),
                new Answer(null, 204.5, null)).correct());
        assertTrue(AnswerGrader.grade(numerical(0.3, AnswerKey.ToleranceMode.ABSOLUTE, 0),
                new Answer(null, 0.1 + 0.2, null)).correct());
        assertThrows(AnswerShapeException.class, () -> AnswerGrader.grade(numerical(1,
                AnswerKey.ToleranceMode.ABSOLUTE, 0), new Answer(null, Double.NaN, null)));
    }

    @Test
    void textMatchesAcceptedAnswersOrThePatternWithCaseRules() {
        assertTrue(AnswerGrader.grade(text(List.of("Ada Lovelace"), false, null),
                new Answer(null, null, "  ada lovelace ")).correct());
        assertFalse(AnswerGrader.grade(text(List.of("Ada Lovelace"), true, null),
                new Answer(null, null, "ada lovelace")).correct());
        assertTrue(AnswerGrader.grade(text(List.of(), false, "colou?r"), new Answer(null, null, "COLOR")).correct());
        assertFalse(AnswerGrader.grade(text(List.of(), false, "colou?r"), new Answer(null, null, "colours"))
                .correct());
    }

    @Test
    void aCatastrophicPatternIsCutOffInsteadOfHoldingTheThread() {
        long started = System.nanoTime();
        // exponential backtracking on the JDK's engine: about 1.7 s unbounded for 28 characters, hours for 40
        assertThrows(AnswerShapeException.class, () -> AnswerGrader.grade(text(List.of(), true, "(.*a){12}b"),
                new Answer(null, null, "a".repeat(40) + "c")));
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "bounded well under two seconds");
    }
}
