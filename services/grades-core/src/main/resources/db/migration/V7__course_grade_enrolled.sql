-- Whether the learner is actively enrolled, as enrollment last answered grades-worker: learners who left drop out of
-- the gradebook's default view and of reports, their grades kept.
ALTER TABLE course_grade ADD COLUMN enrolled BOOLEAN NOT NULL DEFAULT true;
