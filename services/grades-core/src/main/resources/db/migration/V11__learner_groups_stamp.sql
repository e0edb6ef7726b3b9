-- A counter per learner and course that grades-worker raises in the transaction handling each change of the
-- learner's groups (a cohort move, an enrollment or mode change). A recompute reads it before it asks enrollment for
-- the learner's groups and again under the learner's lock: a change handled in between means the groups it read may
-- be older than the ones that change graded with, and the recompute starts over (ADR 0016).
CREATE TABLE learner_groups_stamp (
    course_key  VARCHAR(255) NOT NULL,
    user_id     UUID         NOT NULL,
    stamp       BIGINT       NOT NULL,
    PRIMARY KEY (course_key, user_id)
);
