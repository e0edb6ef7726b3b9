-- A report may list one cohort's members or one enrollment track's learners only (enrollment says who they are).
ALTER TABLE grade_job ADD COLUMN cohort_id UUID, ADD COLUMN track VARCHAR(32);
