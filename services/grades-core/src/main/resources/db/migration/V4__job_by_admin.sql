-- A job an admin requested may change grades of a frozen course (Open edX: only admins change frozen grades).
ALTER TABLE grade_job ADD COLUMN by_admin BOOLEAN NOT NULL DEFAULT false;
