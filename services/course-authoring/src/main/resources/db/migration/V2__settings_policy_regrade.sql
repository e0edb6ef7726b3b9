-- Optimistic concurrency: every change of a run's settings bumps its version (the ETag).
ALTER TABLE course_run ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE course_run ADD COLUMN rerun_of VARCHAR(255);
ALTER TABLE course_run ADD CONSTRAINT ck_course_run_enrollment_window
    CHECK (enrollment_end IS NULL OR enrollment_start IS NULL OR enrollment_end > enrollment_start);

-- Grading policies are immutable versions; the current one is the highest version of a run.
CREATE TABLE grading_policy_version (
    course_key  VARCHAR(255) NOT NULL REFERENCES course_run (course_key),
    version     INT          NOT NULL CHECK (version >= 1),
    policy      JSONB        NOT NULL,
    hash        CHAR(64)     NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    created_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (course_key, version)
);

-- A pending regrade per run: policy changes within the collapse window move it, one event leaves when it is due.
CREATE TABLE pending_regrade (
    course_key      VARCHAR(255) PRIMARY KEY REFERENCES course_run (course_key),
    policy_version  INT          NOT NULL,
    due_at          TIMESTAMPTZ  NOT NULL,
    first_change_at TIMESTAMPTZ  NOT NULL
);
