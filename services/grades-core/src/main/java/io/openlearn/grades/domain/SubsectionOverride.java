package io.openlearn.grades.domain;

/**
 * A staff override of one subsection grade (Open edX {@code PersistentSubsectionGradeOverride}): each value that
 * is set replaces the computed one; unset values keep the computed ones.
 */
public record SubsectionOverride(Double earnedGraded, Double possibleGraded, Double earnedAll, Double possibleAll) {

    public SubsectionOverride {
        for (Double value : new Double[] {earnedGraded, possibleGraded, earnedAll, possibleAll}) {
            if (value != null && (value < 0 || value.isNaN() || value.isInfinite())) {
                throw new IllegalArgumentException("Override values must be finite and not negative.");
            }
        }
        if (earnedGraded == null && possibleGraded == null && earnedAll == null && possibleAll == null) {
            throw new IllegalArgumentException("An override sets at least one value.");
        }
    }
}
