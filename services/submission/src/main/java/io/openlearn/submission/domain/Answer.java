package io.openlearn.submission.domain;

import java.util.List;

/** What a learner answered: choice ids, a number or a text, depending on the problem's kind. */
public record Answer(List<String> choices, Double value, String text) {

    public static final int MAX_TEXT = 1_000;
}
