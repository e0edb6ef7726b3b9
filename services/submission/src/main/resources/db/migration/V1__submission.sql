-- A student item is what a learner answers: one problem of one course run.
CREATE TABLE student_item (
    id          UUID PRIMARY KEY,
    user_id     UUID         NOT NULL,
    course_key  VARCHAR(255) NOT NULL,
    item_key    VARCHAR(512) NOT NULL,
    item_type   VARCHAR(32)  NOT NULL,
    CONSTRAINT uq_student_item UNIQUE (user_id, course_key, item_key)
);

-- Submissions are never updated: attempt numbers grow by one per student item.
CREATE TABLE submission (
    id              UUID PRIMARY KEY,
    student_item_id UUID        NOT NULL REFERENCES student_item (id),
    attempt_number  INT         NOT NULL CHECK (attempt_number >= 1),
    answer          JSONB       NOT NULL,
    submitted_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT uq_submission_attempt UNIQUE (student_item_id, attempt_number)
);
CREATE INDEX ix_submission_item_time ON submission (student_item_id, submitted_at DESC);
