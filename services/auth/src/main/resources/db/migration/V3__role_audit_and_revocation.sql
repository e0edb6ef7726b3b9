-- Platform roles (admin, staff) are stored beside scoped ones with the scope 'platform'.
CREATE INDEX ix_role_assignment_scope ON role_assignment (scope, role);

-- Every grant and revocation of a role: who did what to whom, when and why. Never updated or deleted.
CREATE TABLE role_audit (
    id               BIGSERIAL PRIMARY KEY,
    action           VARCHAR(8)   NOT NULL CHECK (action IN ('GRANT', 'REVOKE')),
    role             VARCHAR(64)  NOT NULL,
    scope            VARCHAR(255) NOT NULL,
    target_user_id   UUID         NOT NULL,
    target_username  VARCHAR(255) NOT NULL,
    actor_user_id    UUID         NOT NULL,
    actor_username   VARCHAR(255) NOT NULL,
    reason           VARCHAR(1000),
    at               TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_role_audit_target ON role_audit (target_user_id, id);
CREATE INDEX ix_role_audit_scope ON role_audit (scope, id);
CREATE INDEX ix_role_audit_actor ON role_audit (actor_user_id, id);

-- Revocation: one token by its jti (kept until it would have expired anyway), or every token of a user issued
-- before a point in time.
CREATE TABLE revoked_token (
    jti         VARCHAR(64) PRIMARY KEY,
    user_id     UUID        NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ NOT NULL,
    revoked_by  UUID        NOT NULL
);
CREATE INDEX ix_revoked_token_revoked_at ON revoked_token (revoked_at);

CREATE TABLE user_revocation (
    user_id     UUID PRIMARY KEY,
    not_before  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ NOT NULL,
    revoked_by  UUID        NOT NULL
);
CREATE INDEX ix_user_revocation_revoked_at ON user_revocation (revoked_at);
