-- The gradebook sorted by learner pages through one course in user-id order; the primary key (user_id, course_key)
-- leads with the learner, so without this index a page meant walking every course's grades in user-id order.
CREATE INDEX ix_course_grade_learner_order ON course_grade (course_key, user_id);
