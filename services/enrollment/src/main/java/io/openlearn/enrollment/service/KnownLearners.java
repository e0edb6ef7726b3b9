package io.openlearn.enrollment.service;

import io.openlearn.enrollment.client.UserDirectoryClient;
import io.openlearn.kit.problem.Problem;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.problem.Problems;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Only people auth knows take a seat. Before staff or a service enroll someone else by id (or admit them to an
 * allow-list), auth, the user authority, is asked whether the id is a platform user's; an id it does not know is
 * refused with 422. Callers naming themselves are not looked up: auth minted their token. Callers who may not manage
 * the run are not looked up either: the use case refuses them (403) without telling them which ids exist. Always
 * called before the use case's transaction, so no lock is held while auth answers.
 */
@ApplicationScoped
public class KnownLearners {

    public static final int UNKNOWN_STATUS = 422;

    private final UserDirectoryClient directory;

    public KnownLearners(UserDirectoryClient directory) {
        this.directory = directory;
    }

    /** Throws 422 when the caller, as staff of the run, names a user id auth does not know; 503 when auth is down. */
    public void require(Caller caller, String courseKey, UUID learner) {
        if (!unknownAmong(caller, courseKey, List.of(learner)).isEmpty()) {
            throw unknown(learner);
        }
    }

    /** The ids among {@code learners} that auth knows no user by (each distinct id asked once). */
    public Set<UUID> unknownAmong(Caller caller, String courseKey, Collection<UUID> learners) {
        Set<UUID> unknown = new LinkedHashSet<>();
        if (!CoursePermissions.isTeamOrService(caller, courseKey)) {
            return unknown;
        }
        for (UUID learner : new LinkedHashSet<>(learners)) {
            if (!learner.equals(caller.userId()) && !directory.exists(learner)) {
                unknown.add(learner);
            }
        }
        return unknown;
    }

    public static ProblemException unknown(UUID learner) {
        return new ProblemException(Problems.VALIDATION_TYPE, "Unknown user", UNKNOWN_STATUS,
                "No platform user has id " + learner + ".",
                List.of(new Problem.FieldError("userId", "not the id of a platform user known to auth")));
    }
}
