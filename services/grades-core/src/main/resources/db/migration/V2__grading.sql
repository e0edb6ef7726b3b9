-- Grades as computed by grades-worker (one domain, two processes: grades reads these and writes staff actions).

-- What a course is graded against right now. Every recompute reads it under the learner's lock, so a grade never
-- lands with an older policy or content version than the one a later batch regrades to.
CREATE TABLE course_state (
    course_key       VARCHAR(255) PRIMARY KEY,
    policy_version   INT          NOT NULL,
    content_version  INT          NOT NULL,
    course_end       TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The latest score per (course, learner, problem), fed by submission.scored / score-reset; a score with a lower
-- sequence than the stored one is stale and ignored, so duplicates and reordering change nothing.
CREATE TABLE score_projection (
    course_key    VARCHAR(255)     NOT NULL,
    user_id       UUID             NOT NULL,
    item_key      VARCHAR(512)     NOT NULL,
    raw_earned    DOUBLE PRECISION NOT NULL,
    raw_possible  DOUBLE PRECISION NOT NULL,
    sequence      BIGINT           NOT NULL,
    score_id      UUID             NOT NULL,
    scored_at     TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (course_key, user_id, item_key)
);

ALTER TABLE course_grade
    ALTER COLUMN percent TYPE DOUBLE PRECISION,
    DROP CONSTRAINT course_grade_percent_check,
    ADD CONSTRAINT course_grade_percent_check CHECK (percent >= 0),
    ADD COLUMN cause_kind VARCHAR(32) NOT NULL DEFAULT 'score',
    ADD COLUMN cause_ref  VARCHAR(255);
CREATE INDEX ix_course_grade_gradebook ON course_grade (course_key, percent, user_id);
DROP INDEX ix_course_grade_course;

CREATE TABLE subsection_grade (
    course_key       VARCHAR(255)     NOT NULL,
    user_id          UUID             NOT NULL,
    subsection_key   VARCHAR(512)     NOT NULL,
    earned_graded    DOUBLE PRECISION NOT NULL,
    possible_graded  DOUBLE PRECISION NOT NULL,
    earned_all       DOUBLE PRECISION NOT NULL,
    possible_all     DOUBLE PRECISION NOT NULL,
    percent          DOUBLE PRECISION NOT NULL,
    overridden       BOOLEAN          NOT NULL,
    content_version  INT              NOT NULL,
    cause_kind       VARCHAR(32)      NOT NULL,
    cause_ref        VARCHAR(255),
    updated_at       TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (course_key, user_id, subsection_key)
);

-- Every change of a persisted grade: subsection_key NULL for the course grade.
CREATE TABLE grade_change (
    id              BIGSERIAL PRIMARY KEY,
    course_key      VARCHAR(255)     NOT NULL,
    user_id         UUID             NOT NULL,
    subsection_key  VARCHAR(512),
    old_percent     DOUBLE PRECISION,
    new_percent     DOUBLE PRECISION NOT NULL,
    old_earned      DOUBLE PRECISION,
    new_earned      DOUBLE PRECISION,
    old_possible    DOUBLE PRECISION,
    new_possible    DOUBLE PRECISION,
    old_letter      VARCHAR(32),
    new_letter      VARCHAR(32),
    old_passed      BOOLEAN,
    new_passed      BOOLEAN,
    cause_kind      VARCHAR(32)      NOT NULL,
    cause_ref       VARCHAR(255),
    changed_at      TIMESTAMPTZ      NOT NULL
);
CREATE INDEX ix_grade_change_learner ON grade_change (course_key, user_id, id);

-- The current staff override per subsection; grade_override_change keeps who set or cleared what, and why.
CREATE TABLE grade_override (
    id               UUID             NOT NULL UNIQUE,
    course_key       VARCHAR(255)     NOT NULL,
    user_id          UUID             NOT NULL,
    subsection_key   VARCHAR(512)     NOT NULL,
    earned_graded    DOUBLE PRECISION,
    possible_graded  DOUBLE PRECISION,
    earned_all       DOUBLE PRECISION,
    possible_all     DOUBLE PRECISION,
    reason           VARCHAR(1000)    NOT NULL,
    created_by       VARCHAR(255)     NOT NULL,
    created_at       TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (course_key, user_id, subsection_key)
);
CREATE TABLE grade_override_change (
    id               BIGSERIAL PRIMARY KEY,
    override_id      UUID             NOT NULL,
    course_key       VARCHAR(255)     NOT NULL,
    user_id          UUID             NOT NULL,
    subsection_key   VARCHAR(512)     NOT NULL,
    action           VARCHAR(16)      NOT NULL CHECK (action IN ('set', 'cleared')),
    earned_graded    DOUBLE PRECISION,
    possible_graded  DOUBLE PRECISION,
    earned_all       DOUBLE PRECISION,
    possible_all     DOUBLE PRECISION,
    reason           VARCHAR(1000)    NOT NULL,
    actor            VARCHAR(255)     NOT NULL,
    at               TIMESTAMPTZ      NOT NULL
);
CREATE INDEX ix_override_change_learner ON grade_override_change (course_key, user_id, id);

-- BATCH work: one job per cause (its id derives from the triggering event, so a redelivery finds it), split into
-- slices of learners; a slice is done once, in the transaction that wrote its grades.
CREATE TABLE grade_job (
    id             UUID         PRIMARY KEY,
    course_key     VARCHAR(255) NOT NULL,
    kind           VARCHAR(32)  NOT NULL CHECK (kind IN ('regrade', 'rescore', 'course_grade_report', 'problem_grade_report')),
    state          VARCHAR(16)  NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    cause_kind     VARCHAR(32)  NOT NULL,
    cause_ref      VARCHAR(255),
    item_key       VARCHAR(512),
    requested_by   VARCHAR(255),
    slices_total   INT,
    slices_done    INT          NOT NULL DEFAULT 0,
    learners_done  INT          NOT NULL DEFAULT 0,
    result_key     VARCHAR(1024),
    error          VARCHAR(2000),
    created_at     TIMESTAMPTZ  NOT NULL,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ
);
CREATE INDEX ix_grade_job_course ON grade_job (course_key, created_at DESC);
CREATE TABLE grade_job_slice (
    job_id    UUID    NOT NULL REFERENCES grade_job (id) ON DELETE CASCADE,
    slice_no  INT     NOT NULL,
    user_ids  UUID[]  NOT NULL,
    done      BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (job_id, slice_no)
);
