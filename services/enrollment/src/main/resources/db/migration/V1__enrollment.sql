-- One row per (learner, course run): enrolling again reactivates it, so history lives beside it, not in duplicates.
CREATE TABLE enrollment (
    id          UUID PRIMARY KEY,
    user_id     UUID         NOT NULL,
    course_key  VARCHAR(255) NOT NULL,
    mode        VARCHAR(32)  NOT NULL,
    active      BOOLEAN      NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_enrollment_user_course UNIQUE (user_id, course_key)
);
CREATE INDEX ix_enrollment_course ON enrollment (course_key, active);
