package io.openlearn.submission.domain;

/** Raw points of one evaluation (Open edX's raw_earned / raw_possible). */
public record Grade(double earned, double possible, boolean correct) {
}
