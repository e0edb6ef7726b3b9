-- A report job that lists learners who left the course too (by default they are left out).
ALTER TABLE grade_job ADD COLUMN include_unenrolled BOOLEAN NOT NULL DEFAULT false;
