package io.openlearn.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * {@code grade.regrade.requested}, {@code grade.rescore.requested}, {@code grade.report.requested} and
 * {@code grade.resync.requested}: a grade job stored with the event, for the BATCH worker to run.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GradeJobRequested(String courseKey, UUID jobId, Kind kind) {

    public enum Kind {
        regrade, rescore, resync, course_grade_report, problem_grade_report
    }
}
