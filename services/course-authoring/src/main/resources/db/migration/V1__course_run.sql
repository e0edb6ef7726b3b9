-- A course run, keyed as Open edX keys it: course-v1:Org+Number+Run.
CREATE TABLE course_run (
    course_key        VARCHAR(255) PRIMARY KEY,
    org               VARCHAR(64)  NOT NULL,
    number            VARCHAR(64)  NOT NULL,
    run               VARCHAR(64)  NOT NULL,
    title             VARCHAR(255) NOT NULL,
    start_at          TIMESTAMPTZ,
    end_at            TIMESTAMPTZ,
    enrollment_start  TIMESTAMPTZ,
    enrollment_end    TIMESTAMPTZ,
    pacing            VARCHAR(16)  NOT NULL CHECK (pacing IN ('instructor', 'self')),
    invitation_only   BOOLEAN      NOT NULL DEFAULT FALSE,
    max_enrollments   INT          CHECK (max_enrollments IS NULL OR max_enrollments > 0),
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    CONSTRAINT ck_course_run_schedule CHECK (end_at IS NULL OR start_at IS NULL OR end_at > start_at)
);
CREATE INDEX ix_course_run_org ON course_run (org);
