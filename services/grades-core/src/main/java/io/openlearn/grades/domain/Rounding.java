package io.openlearn.grades.domain;

/**
 * The two roundings Open edX applies, reproduced on the same binary doubles so every edge case lands where it lands
 * there: numpy's {@code around(x, 2)} for subsection percents and {@code round_away_from_zero(x * 100 + 0.05) / 100}
 * for the course percent.
 */
public final class Rounding {

    private Rounding() {
    }

    /**
     * numpy {@code around(x, decimals=2)}: scale by 100 in double arithmetic, round half to even, scale back. The
     * scaling happens first, so 0.505 (binary 0.50500000000000000444) becomes 50.5 and rounds to 0.50.
     */
    public static double subsectionPercent(double earned, double possible) {
        if (possible <= 0) {
            return 0;
        }
        return Math.rint(earned / possible * 100.0) / 100.0;
    }

    /**
     * Open edX's {@code CourseGrade._compute_percent}: {@code round_away_from_zero(percent * 100 + 0.05) / 100}, where
     * {@code round_away_from_zero(n) = floor(n + copysign(0.5, n))}. The added 0.05 means 0.8949999 becomes 0.90.
     */
    public static double coursePercent(double percent) {
        double number = percent * 100 + 0.05;
        return Math.floor(number + Math.copySign(0.5, number)) / 100;
    }
}
