-- The persisted course grade of a learner, written by grades-worker and read here.
CREATE TABLE course_grade (
    user_id          UUID          NOT NULL,
    course_key       VARCHAR(255)  NOT NULL,
    percent          NUMERIC(5, 4) NOT NULL CHECK (percent >= 0),
    letter_grade     VARCHAR(32),
    passed           BOOLEAN       NOT NULL,
    first_passed_at  TIMESTAMPTZ,
    policy_version   INT,
    content_version  INT,
    updated_at       TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (user_id, course_key)
);
CREATE INDEX ix_course_grade_course ON course_grade (course_key);
