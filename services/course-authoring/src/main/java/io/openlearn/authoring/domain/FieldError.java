package io.openlearn.authoring.domain;

/** A rule a value breaks, named by the field the client sent. */
public record FieldError(String field, String message) {
}
