package io.openlearn.grades.service;

import io.openlearn.kit.courseware.CoursewareReaders;
import io.openlearn.kit.courseware.GroupAccess;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;

/**
 * A learner's progress page is theirs only while they are actively enrolled (enrollment says so): a learner who is
 * not gets 403, not a page of zeros. The course team and services read it whatever the learner's enrollment.
 */
@ApplicationScoped
public class EnrolledLearners {

    private final CoursewareReaders readers;

    public EnrolledLearners(CoursewareReaders readers) {
        this.readers = readers;
    }

    /** The groups a learner is in for the course (none when not actively enrolled), from enrollment. */
    public Set<GroupAccess.Group> groupsOf(UUID learner, String courseKey) {
        return readers.facts().learner(learner, courseKey, false).groups();
    }

    /** 404 for a course run that does not exist; 403 for a learner reading their own page while not enrolled. */
    public void requireEnrolledUnlessTeam(Caller caller, String courseKey, UUID learner) {
        readers.facts().run(courseKey);
        if (!CoursePermissions.isTeamOrService(caller, courseKey) && !readers.facts().enrolled(learner, courseKey)) {
            throw new ProblemException(403, "You are not enrolled in this course.");
        }
    }
}
