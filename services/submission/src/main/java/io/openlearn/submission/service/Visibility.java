package io.openlearn.submission.service;

import io.openlearn.kit.problem.ProblemException;
import io.openlearn.submission.client.ContentClient;
import io.openlearn.submission.client.ProblemContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Whether a learner may see correctness and scores of an item now (show_correctness of its subsection, the due date
 * with their extension). Unknown or unpublished items hide: a failure never reveals.
 */
@ApplicationScoped
public class Visibility {

    private final ContentClient content;
    private final SubmissionService submissions;
    private final Clock clock = Clock.systemUTC();

    public Visibility(ContentClient content, SubmissionService submissions) {
        this.content = content;
        this.submissions = submissions;
    }

    /** Decides per item once, for one learner's listing. */
    public final class ForLearner {
        private final UUID learner;
        private final String courseKey;
        private final Map<String, Boolean> decided = new HashMap<>();

        private ForLearner(UUID learner, String courseKey) {
            this.learner = learner;
            this.courseKey = courseKey;
        }

        public boolean reveals(String itemKey) {
            return decided.computeIfAbsent(itemKey, this::decide);
        }

        private boolean decide(String itemKey) {
            try {
                ProblemContext problem = content.problem(courseKey, itemKey);
                return submissions.deadline(learner, courseKey, problem)
                        .revealsCorrectness(problem.showCorrectness(), clock.instant());
            } catch (ProblemException e) {
                return false;
            }
        }
    }

    public ForLearner forLearner(UUID learner, String courseKey) {
        return new ForLearner(learner, courseKey);
    }
}
