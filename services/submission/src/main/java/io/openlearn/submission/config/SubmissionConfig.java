package io.openlearn.submission.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** submission's own settings (environment: SUBMISSION_CONTENT_URL, SUBMISSION_MAX_ANSWER_BYTES, ...). */
@ConfigMapping(prefix = "submission")
public interface SubmissionConfig {

    String contentUrl();

    String authoringUrl();

    String enrollmentUrl();

    /** grades, asked which subsections gates lock for a learner in a course with gates. */
    String gradesUrl();

    /** Largest answer body accepted; a larger one is 413. */
    @WithDefault("16384")
    int maxAnswerBytes();

    /** How long a course's schedule, grace period and latest structure are trusted before asking again. */
    @WithDefault("PT15S")
    Duration courseCacheTtl();

    /** How long a learner's active enrollment is trusted (only "active" is remembered, never "not enrolled"). */
    @WithDefault("PT10S")
    Duration enrollmentCacheTtl();

    /** How many learners one rescore call handles; the grades worker asks slice by slice. */
    @WithDefault("500")
    int rescoreSliceMax();
}
