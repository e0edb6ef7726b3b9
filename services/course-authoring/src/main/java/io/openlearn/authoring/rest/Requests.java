package io.openlearn.authoring.rest;

import io.openlearn.authoring.domain.CourseKey;
import io.openlearn.authoring.domain.CourseSchedule;
import io.openlearn.authoring.domain.FieldError;
import io.openlearn.authoring.domain.Pacing;
import io.openlearn.authoring.service.CourseRunService;
import io.openlearn.authoring.service.CourseRunSettings;
import io.openlearn.kit.http.EntityTags;
import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns request bodies and headers into domain values, answering 400/428 with the part at fault. */
final class Requests {

    static final Pattern KEY_PART = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private Requests() {
    }

    static CourseKey courseKey(String org, String number, String run) {
        List<FieldError> errors = new ArrayList<>();
        part("org", org, errors);
        part("number", number, errors);
        part("run", run, errors);
        CourseRunService.throwIfAny(errors);
        return new CourseKey(org, number, run);
    }

    static CourseKey pathKey(String key) {
        return CourseKey.parse(CourseKeys.require(key));
    }

    static CourseRunSettings settings(String title, java.time.Instant start, java.time.Instant end,
                                      java.time.Instant enrollmentStart, java.time.Instant enrollmentEnd,
                                      String pacing, Boolean invitationOnly, Integer maxEnrollments) {
        Pacing parsed = Pacing.fromWireName(pacing == null ? "instructor" : pacing).orElseThrow(() ->
                ProblemException.invalid("pacing", "instructor or self"));
        return new CourseRunSettings(title, new CourseSchedule(start, end, enrollmentStart, enrollmentEnd), parsed,
                Boolean.TRUE.equals(invitationOnly), maxEnrollments);
    }

    /** The version an If-Match header names (428 without one, 412 when it is not a version). */
    static long ifMatch(String header) {
        return EntityTags.requiredVersion(header);
    }

    static String etag(long version) {
        return EntityTags.of(version);
    }

    private static void part(String field, String value, List<FieldError> errors) {
        if (value == null || !KEY_PART.matcher(value).matches()) {
            errors.add(new FieldError(field, "1 to 64 letters, digits, '_', '.' or '-'"));
        }
    }
}
