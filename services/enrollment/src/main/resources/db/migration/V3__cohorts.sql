-- A run's cohort setting: off, manual (staff place learners) or automatic (new learners are placed on enrollment).
CREATE TABLE cohort_settings (
    course_key        VARCHAR(255) PRIMARY KEY,
    scheme            VARCHAR(16)  NOT NULL CHECK (scheme IN ('off', 'manual', 'automatic')),
    assignment        VARCHAR(16)  NOT NULL CHECK (assignment IN ('random', 'round-robin')),
    -- how many learners round-robin has placed: the next one goes to cohort (placed mod cohorts)
    round_robin_next  BIGINT       NOT NULL DEFAULT 0,
    updated_by        VARCHAR(255) NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);

-- Named cohorts of a run, each optionally linked to one content group (a partition id and a group id in content).
CREATE TABLE cohort (
    id                    UUID         PRIMARY KEY,
    course_key            VARCHAR(255) NOT NULL,
    name                  VARCHAR(255) NOT NULL,
    content_partition_id  INT,
    content_group_id      INT,
    created_at            TIMESTAMPTZ  NOT NULL,
    CHECK ((content_partition_id IS NULL) = (content_group_id IS NULL))
);
CREATE UNIQUE INDEX ux_cohort_course_name ON cohort (course_key, lower(name));
CREATE INDEX ix_cohort_course ON cohort (course_key, created_at, id);

-- A learner is in at most one cohort of a run.
CREATE TABLE cohort_membership (
    course_key   VARCHAR(255) NOT NULL,
    user_id      UUID         NOT NULL,
    cohort_id    UUID         NOT NULL REFERENCES cohort (id),
    assigned_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (course_key, user_id)
);
CREATE INDEX ix_cohort_membership_cohort ON cohort_membership (cohort_id, user_id);

-- Every placement and move: who, when, from which cohort to which, and how.
CREATE TABLE cohort_history (
    id           BIGSERIAL    PRIMARY KEY,
    course_key   VARCHAR(255) NOT NULL,
    user_id      UUID         NOT NULL,
    from_cohort  UUID,
    to_cohort    UUID         NOT NULL,
    cause        VARCHAR(16)  NOT NULL CHECK (cause IN ('automatic', 'manual', 'bulk')),
    actor        VARCHAR(255) NOT NULL,
    at           TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_cohort_history_user_course ON cohort_history (user_id, course_key, id);
