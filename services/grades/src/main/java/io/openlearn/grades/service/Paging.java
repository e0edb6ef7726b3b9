package io.openlearn.grades.service;

import io.openlearn.kit.problem.ProblemException;

/** Page sizes the grades API accepts. */
public final class Paging {

    private Paging() {
    }

    public static void requireLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw ProblemException.invalid("limit", "must be between 1 and " + max);
        }
    }
}
