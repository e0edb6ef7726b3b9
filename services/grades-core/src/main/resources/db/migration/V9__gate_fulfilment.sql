-- The gates each learner fulfils now (Open edX's milestones): a row while fulfilled, none otherwise. Written by
-- grades-worker in the grading transaction that decided it, with its grade.gate.changed event in the outbox.
-- gate_key: the gated subsection (kind prerequisite) or the exam chapter (kind entrance-exam).
CREATE TABLE gate_fulfilment (
    course_key       VARCHAR(255)     NOT NULL,
    user_id          UUID             NOT NULL,
    gate_key         VARCHAR(512)     NOT NULL,
    kind             VARCHAR(32)      NOT NULL CHECK (kind IN ('prerequisite', 'entrance-exam')),
    requires         VARCHAR(512)     NOT NULL,
    percent          DOUBLE PRECISION NOT NULL,
    completion       DOUBLE PRECISION NOT NULL,
    content_version  INT              NOT NULL,
    cause_kind       VARCHAR(32)      NOT NULL,
    cause_ref        VARCHAR(255),
    fulfilled_at     TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (course_key, user_id, gate_key)
);
