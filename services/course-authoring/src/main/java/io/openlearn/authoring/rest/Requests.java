package io.openlearn.authoring.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlearn.authoring.domain.CourseKey;
import io.openlearn.authoring.domain.CourseSchedule;
import io.openlearn.authoring.domain.CourseVisibility;
import io.openlearn.authoring.domain.FieldError;
import io.openlearn.authoring.domain.Pacing;
import io.openlearn.authoring.repository.CourseRunEntity;
import io.openlearn.authoring.service.CourseRunService;
import io.openlearn.authoring.service.CourseRunSettings;
import io.openlearn.kit.http.EntityTags;
import io.openlearn.kit.keys.CourseKeys;
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
            String pacing, Boolean invitationOnly, Integer maxEnrollments,
            JsonNode daysEarlyForBeta, String courseVisibility) {
        List<FieldError> errors = new ArrayList<>();
        Pacing parsedPacing = Pacing.fromWireName(pacing == null ? "instructor" : pacing).orElse(null);
        if (parsedPacing == null) {
            errors.add(new FieldError("pacing", "instructor or self"));
        }
        CourseVisibility parsedVisibility = CourseVisibility.fromWireName(
                courseVisibility == null ? CourseVisibility.PRIVATE.wireName() : courseVisibility).orElse(null);
        if (parsedVisibility == null) {
            errors.add(new FieldError("courseVisibility", "private or public_outline"));
        }
        Integer days = null;
        if (daysEarlyForBeta != null && !daysEarlyForBeta.isNull()) {
            if (daysEarlyForBeta.isIntegralNumber() && daysEarlyForBeta.canConvertToInt()
                    && CourseRunSettings.validDaysEarlyForBeta(daysEarlyForBeta.intValue())) {
                days = daysEarlyForBeta.intValue();
            } else {
                errors.add(new FieldError("daysEarlyForBeta", CourseRunService.DAYS_EARLY_FOR_BETA_RULE));
            }
        }
        CourseRunService.throwIfAny(errors);
        return new CourseRunSettings(title, new CourseSchedule(start, end, enrollmentStart, enrollmentEnd),
                parsedPacing, Boolean.TRUE.equals(invitationOnly), maxEnrollments, days, parsedVisibility);
    }

    /** A rerun keeps the source's pacing, invitation, capacity and access settings; title and schedule are new. */
    static CourseRunSettings rerunSettings(CourseRunEntity from, String title, CourseSchedule schedule) {
        return new CourseRunSettings(title, schedule, Pacing.fromWireName(from.pacing).orElseThrow(),
                from.invitationOnly, from.maxEnrollments, from.daysEarlyForBeta,
                CourseVisibility.fromWireName(from.courseVisibility).orElseThrow());
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
