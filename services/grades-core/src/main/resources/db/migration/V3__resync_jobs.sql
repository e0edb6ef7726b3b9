-- A resync rebuilds a course's score projection from submission, then regrades it.
ALTER TABLE grade_job DROP CONSTRAINT grade_job_kind_check;
ALTER TABLE grade_job ADD CONSTRAINT grade_job_kind_check
    CHECK (kind IN ('regrade', 'rescore', 'resync', 'course_grade_report', 'problem_grade_report'));
