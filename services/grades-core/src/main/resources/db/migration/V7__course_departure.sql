-- Learners who left a course, as enrollment last answered grades-worker: they drop out of the gradebook's default
-- view and of reports (their grades are kept), whichever of their events and grade writes came first.
CREATE TABLE course_departure (
    course_key  VARCHAR(255) NOT NULL,
    user_id     UUID         NOT NULL,
    departed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (course_key, user_id)
);
