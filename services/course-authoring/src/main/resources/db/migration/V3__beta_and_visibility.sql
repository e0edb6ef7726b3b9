-- Open edX's days_early_for_beta: beta testers see the run and its blocks this many days before their start
-- (null: no head start).
ALTER TABLE course_run ADD COLUMN days_early_for_beta INT
    CONSTRAINT ck_course_run_days_early_for_beta
        CHECK (days_early_for_beta IS NULL OR days_early_for_beta BETWEEN 0 AND 365);
-- Open edX's course_visibility: whether signed-in users who are not enrolled may see the catalog outline.
ALTER TABLE course_run ADD COLUMN course_visibility VARCHAR(16) NOT NULL DEFAULT 'private'
    CONSTRAINT ck_course_run_course_visibility CHECK (course_visibility IN ('private', 'public_outline'));
