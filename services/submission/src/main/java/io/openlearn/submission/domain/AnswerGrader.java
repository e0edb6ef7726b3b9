package io.openlearn.submission.domain;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Auto-grading against an answer key, all or nothing per problem as Open edX's capa problems do by default:
 * a choice problem needs exactly the correct set, a numerical one a value within the tolerance, a text one an
 * accepted answer or a full match of the pattern. A pattern is run against a bounded clock, so a hostile regular
 * expression (or answer) cannot hold a thread.
 */
public final class AnswerGrader {

    static final Duration PATTERN_BUDGET = Duration.ofMillis(50);

    private AnswerGrader() {
    }

    public static Grade grade(AnswerKey key, Answer answer) {
        boolean correct = switch (key.kind()) {
            case CHOICE -> choice(key, answer);
            case NUMERICAL -> numerical(key, answer);
            case TEXT -> text(key, answer);
        };
        return new Grade(correct ? key.maxScore() : 0, key.maxScore(), correct);
    }

    private static boolean choice(AnswerKey key, Answer answer) {
        List<String> chosen = answer.choices();
        if (chosen == null || chosen.isEmpty() || answer.value() != null || answer.text() != null) {
            throw new AnswerShapeException(List.of("choices: give the ids of the chosen choices, and nothing else"));
        }
        if (!key.multipleAnswers() && chosen.size() != 1) {
            throw new AnswerShapeException(List.of("choices: this problem takes exactly one choice"));
        }
        if (!new HashSet<>(key.choiceIds()).containsAll(chosen) || new HashSet<>(chosen).size() != chosen.size()) {
            throw new AnswerShapeException(List.of("choices: unknown or repeated choice ids " + chosen));
        }
        return new HashSet<>(chosen).equals(new HashSet<>(key.correctChoices()));
    }

    private static boolean numerical(AnswerKey key, Answer answer) {
        Double value = answer.value();
        if (value == null || value.isNaN() || value.isInfinite() || answer.choices() != null || answer.text() != null) {
            throw new AnswerShapeException(List.of("value: give one finite number, and nothing else"));
        }
        double expected = key.answer();
        double allowed = key.toleranceMode() == AnswerKey.ToleranceMode.RELATIVE
                ? key.tolerance() * Math.abs(expected) : key.tolerance();
        // a hair of floating-point slack so that 0.1 + 0.2 meets 0.3 with zero tolerance
        return Math.abs(value - expected) <= allowed + 1e-9 * Math.max(1, Math.abs(expected));
    }

    private static boolean text(AnswerKey key, Answer answer) {
        String text = answer.text();
        if (text == null || answer.choices() != null || answer.value() != null) {
            throw new AnswerShapeException(List.of("text: give one text, and nothing else"));
        }
        if (text.length() > Answer.MAX_TEXT) {
            throw new AnswerShapeException(List.of("text: at most " + Answer.MAX_TEXT + " characters"));
        }
        String given = text.trim();
        for (String accepted : key.acceptedAnswers()) {
            if (key.caseSensitive() ? accepted.trim().equals(given)
                    : accepted.trim().toLowerCase(Locale.ROOT).equals(given.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return key.pattern() != null && matchesInTime(key.pattern(), key.caseSensitive(), given);
    }

    private static boolean matchesInTime(String pattern, boolean caseSensitive, String text) {
        Pattern compiled =
                Pattern.compile(pattern, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        long deadline = System.nanoTime() + PATTERN_BUDGET.toNanos();
        try {
            return compiled.matcher(new Deadlined(text, deadline)).matches();
        } catch (PatternTimeout e) {
            throw new AnswerShapeException(List.of("text: the answer could not be checked against the problem's "
                    + "pattern in time"));
        }
    }

    private static final class PatternTimeout extends RuntimeException {
        PatternTimeout() {
            super(null, null, false, false);
        }
    }

    /** The matcher reads characters through this; past the deadline every read fails, ending the match. */
    private record Deadlined(CharSequence text, long deadline) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (System.nanoTime() > deadline) {
                throw new PatternTimeout();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadlined(text.subSequence(start, end), deadline);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
