package io.openlearn.authoring.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** When a run starts and ends and when learners may enroll; any part may still be open (null). */
public record CourseSchedule(Instant start, Instant end, Instant enrollmentStart, Instant enrollmentEnd) {

    public enum State { UPCOMING, RUNNING, ENDED }

    /** The rules every change must keep; empty when the schedule is consistent. */
    public List<FieldError> violations() {
        List<FieldError> errors = new ArrayList<>();
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("end", "must be after start"));
        }
        if (enrollmentStart != null && enrollmentEnd != null && !enrollmentEnd.isAfter(enrollmentStart)) {
            errors.add(new FieldError("enrollmentEnd", "must be after enrollmentStart"));
        }
        if (enrollmentEnd != null && end != null && enrollmentEnd.isAfter(end)) {
            errors.add(new FieldError("enrollmentEnd", "must not be after the run's end"));
        }
        if (enrollmentStart != null && end != null && !enrollmentStart.isBefore(end)) {
            errors.add(new FieldError("enrollmentStart", "must be before the run's end"));
        }
        return errors;
    }

    public State stateAt(Instant now) {
        if (end != null && !now.isBefore(end)) {
            return State.ENDED;
        }
        return start != null && !now.isBefore(start) ? State.RUNNING : State.UPCOMING;
    }

    /** Enrollment is open from enrollmentStart (or always) until enrollmentEnd, or the run's end, if set. */
    public boolean enrollmentOpenAt(Instant now) {
        if (enrollmentStart != null && now.isBefore(enrollmentStart)) {
            return false;
        }
        Instant closes = enrollmentEnd != null ? enrollmentEnd : end;
        return closes == null || now.isBefore(closes);
    }
}
