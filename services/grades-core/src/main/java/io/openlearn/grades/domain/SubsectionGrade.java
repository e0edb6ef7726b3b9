package io.openlearn.grades.domain;

/**
 * One learner's grade on one subsection: weighted sums over its graded problems and over all of them, and the
 * percent of the graded sums (numpy-rounded to two decimals).
 */
public record SubsectionGrade(String subsectionKey, double earnedGraded, double possibleGraded, double earnedAll,
        double possibleAll, double percent, boolean overridden) {

    /** Applies a staff override; the percent follows the overridden graded values. */
    public SubsectionGrade overriddenBy(SubsectionOverride override) {
        if (override == null) {
            return this;
        }
        double eg = override.earnedGraded() != null ? override.earnedGraded() : earnedGraded;
        double pg = override.possibleGraded() != null ? override.possibleGraded() : possibleGraded;
        double ea = override.earnedAll() != null ? override.earnedAll() : earnedAll;
        double pa = override.possibleAll() != null ? override.possibleAll() : possibleAll;
        return new SubsectionGrade(subsectionKey, eg, pg, ea, pa, Rounding.subsectionPercent(eg, pg), true);
    }

    /** Same values, whatever the override flag: what decides whether a persisted row must change. */
    public boolean sameValues(SubsectionGrade other) {
        return other != null && earnedGraded == other.earnedGraded && possibleGraded == other.possibleGraded
                && earnedAll == other.earnedAll && possibleAll == other.possibleAll && percent == other.percent;
    }
}
