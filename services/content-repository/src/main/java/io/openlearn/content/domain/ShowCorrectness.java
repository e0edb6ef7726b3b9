package io.openlearn.content.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When a learner may see whether their answers were correct (Open edX's show_correctness). */
public enum ShowCorrectness {
    @JsonProperty("always") ALWAYS,
    @JsonProperty("past_due") PAST_DUE,
    @JsonProperty("never") NEVER
}
