-- Per item: how many attempts count (a reset may clear them), the last attempt number, and the sequence of its
-- score events (consumers order a learner's events for one item by it).
ALTER TABLE student_item ADD COLUMN attempts_used INT NOT NULL DEFAULT 0;
ALTER TABLE student_item ADD COLUMN last_attempt INT NOT NULL DEFAULT 0;
ALTER TABLE student_item ADD COLUMN event_sequence BIGINT NOT NULL DEFAULT 0;
CREATE INDEX ix_student_item_course_item ON student_item (course_key, item_key);

-- A retried submit with the same Idempotency-Key answers the first result instead of spending an attempt.
ALTER TABLE submission ADD COLUMN idempotency_key VARCHAR(128);
ALTER TABLE submission ADD COLUMN content_version INT;
CREATE UNIQUE INDEX uq_submission_idempotency ON submission (student_item_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- Scores are appended, never changed: auto-grading, rescoring, staff-set scores and resets each add a row.
CREATE TABLE score (
    id              UUID PRIMARY KEY,
    student_item_id UUID             NOT NULL REFERENCES student_item (id),
    submission_id   UUID REFERENCES submission (id),
    kind            VARCHAR(16)      NOT NULL CHECK (kind IN ('auto', 'rescore', 'staff', 'reset')),
    points_earned   DOUBLE PRECISION NOT NULL CHECK (points_earned >= 0),
    points_possible DOUBLE PRECISION NOT NULL CHECK (points_possible >= 0),
    sequence        BIGINT           NOT NULL,
    annotated_by    VARCHAR(255),
    annotation      VARCHAR(1000),
    created_at      TIMESTAMPTZ      NOT NULL,
    CONSTRAINT uq_score_sequence UNIQUE (student_item_id, sequence)
);
CREATE INDEX ix_score_item ON score (student_item_id, sequence DESC);

-- The read model of the scores: the latest (a reset makes it 0/0) and the highest since the last reset.
CREATE TABLE score_summary (
    student_item_id  UUID PRIMARY KEY REFERENCES student_item (id),
    latest_score_id  UUID             NOT NULL REFERENCES score (id),
    latest_earned    DOUBLE PRECISION NOT NULL,
    latest_possible  DOUBLE PRECISION NOT NULL,
    highest_score_id UUID REFERENCES score (id),
    highest_earned   DOUBLE PRECISION,
    highest_possible DOUBLE PRECISION
);

-- Staff extend a learner's deadline for one subsection (Open edX's due-date extensions).
CREATE TABLE due_extension (
    user_id        UUID         NOT NULL,
    course_key     VARCHAR(255) NOT NULL,
    subsection_key VARCHAR(512) NOT NULL,
    extended_until TIMESTAMPTZ  NOT NULL,
    granted_by     VARCHAR(255) NOT NULL,
    reason         VARCHAR(1000),
    granted_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, course_key, subsection_key)
);
