package io.openlearn.enrollment.domain;

import java.time.Instant;

/** What a course run asks of an enrollment: a window, an allow-list, a capacity. */
public record CourseRules(String courseKey, Instant enrollmentStart, Instant enrollmentEnd, Instant end,
        boolean invitationOnly, Integer maxEnrollments) {

    /** Open from enrollmentStart (or always) until enrollmentEnd, or the run's end when no enrollment end is set. */
    public boolean windowOpenAt(Instant now) {
        if (enrollmentStart != null && now.isBefore(enrollmentStart)) {
            return false;
        }
        Instant closes = enrollmentEnd != null ? enrollmentEnd : end;
        return closes == null || now.isBefore(closes);
    }

    public boolean hasRoomFor(long activeEnrollments) {
        return maxEnrollments == null || activeEnrollments < maxEnrollments;
    }
}
