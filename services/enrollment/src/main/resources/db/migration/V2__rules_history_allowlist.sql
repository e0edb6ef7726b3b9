-- What enrollment needs of a course run, kept from course-authoring's course.run.changed events (newest version wins).
CREATE TABLE course_rules (
    course_key        VARCHAR(255) PRIMARY KEY,
    enrollment_start  TIMESTAMPTZ,
    enrollment_end    TIMESTAMPTZ,
    end_at            TIMESTAMPTZ,
    invitation_only   BOOLEAN      NOT NULL,
    max_enrollments   INT,
    version           BIGINT       NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);

-- Invitation-only runs admit the learners on their allow-list.
CREATE TABLE allowed_learner (
    course_key  VARCHAR(255) NOT NULL,
    user_id     UUID         NOT NULL,
    added_by    VARCHAR(255) NOT NULL,
    added_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (course_key, user_id)
);

-- Every enroll, unenroll and mode change: who, when, from, to.
CREATE TABLE enrollment_history (
    id          BIGSERIAL PRIMARY KEY,
    user_id     UUID         NOT NULL,
    course_key  VARCHAR(255) NOT NULL,
    action      VARCHAR(16)  NOT NULL CHECK (action IN ('ENROLL', 'UNENROLL', 'MODE_CHANGE')),
    from_mode   VARCHAR(32),
    to_mode     VARCHAR(32),
    actor       VARCHAR(255) NOT NULL,
    at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_enrollment_history_user_course ON enrollment_history (user_id, course_key, id);
CREATE INDEX ix_enrollment_active_course ON enrollment (course_key) WHERE active;
