package io.openlearn.content.domain;

import io.openlearn.kit.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a course's gates may name, checked on a draft write and again at publish (a block named since may have been
 * deleted): a prerequisite names another sequential of the course and its chain of prerequisites never returns to
 * the sequential it gates; an entrance exam names a chapter of the course.
 */
public final class GateCheck {

    private GateCheck() {
    }

    /**
     * @param typeOf         the type of a block of the course by key, null when it has none
     * @param prerequisiteOf a sequential's prerequisite by key (as it will be once this write lands), null if none
     */
    public static List<FieldError> prerequisite(String gated, Prerequisite prerequisite,
            Function<String, BlockType> typeOf, Function<String, Prerequisite> prerequisiteOf) {
        List<FieldError> errors = new ArrayList<>();
        String target = prerequisite.subsection();
        if (target == null) {
            return errors;
        }
        if (target.equals(gated)) {
            errors.add(new FieldError("prerequisite.subsection", "names the sequential itself"));
        } else if (typeOf.apply(target) != BlockType.SEQUENTIAL) {
            errors.add(new FieldError("prerequisite.subsection", "names no sequential of this course: " + target));
        } else {
            List<String> chain = chain(gated, target, prerequisiteOf);
            if (chain.get(chain.size() - 1).equals(gated)) {
                errors.add(new FieldError("prerequisite.subsection", "would close a cycle of prerequisites: "
                        + String.join(" -> ", chain)));
            }
        }
        return errors;
    }

    public static List<FieldError> entranceExam(EntranceExam exam, Function<String, BlockType> typeOf) {
        if (exam.chapter() == null || typeOf.apply(exam.chapter()) == BlockType.CHAPTER) {
            return List.of();
        }
        return List.of(new FieldError("entranceExam.chapter", "names no chapter of this course: " + exam.chapter()));
    }

    /** gated -> target -> target's prerequisite ..., ending where the chain ends or first repeats a sequential. */
    private static List<String> chain(String gated, String target, Function<String, Prerequisite> prerequisiteOf) {
        List<String> chain = new ArrayList<>(List.of(gated));
        Set<String> seen = new HashSet<>(chain);
        for (String next = target; next != null;) {
            chain.add(next);
            if (!seen.add(next)) {
                break;
            }
            Prerequisite step = prerequisiteOf.apply(next);
            next = step == null ? null : step.subsection();
        }
        return chain;
    }
}
