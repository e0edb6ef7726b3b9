-- One database per service (ADR 0002), owned by the compose role; grades-worker shares openlearn_grades.
-- Runs once, when the data volume is created.
CREATE DATABASE openlearn_auth;
CREATE DATABASE openlearn_authoring;
CREATE DATABASE openlearn_enrollment;
CREATE DATABASE openlearn_submission;
CREATE DATABASE openlearn_grades;
