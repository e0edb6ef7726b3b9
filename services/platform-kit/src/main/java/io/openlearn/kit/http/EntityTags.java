package io.openlearn.kit.http;

import io.openlearn.kit.problem.ProblemException;

/** Strong entity tags for optimistic concurrency: every write names the version it read, or is refused. */
public final class EntityTags {

    private EntityTags() {
    }

    /** The opaque value an If-Match header names; a change without one is refused (428), not applied blindly. */
    public static String required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "Send If-Match with the ETag you read, so that no change is lost.");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        return value.replace("\"", "");
    }

    /** The numeric version an If-Match header names; anything else cannot match (412). */
    public static long requiredVersion(String ifMatch) {
        try {
            return Long.parseLong(required(ifMatch));
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "If-Match does not name a version of this resource.");
        }
    }

    public static String of(String value) {
        return "\"" + value + "\"";
    }

    public static String of(long version) {
        return of(Long.toString(version));
    }
}
