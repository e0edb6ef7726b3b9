-- The course end follows course.run.changed; the run's version keeps a late, older event from moving it back.
ALTER TABLE course_state ADD COLUMN run_version BIGINT NOT NULL DEFAULT 0;
