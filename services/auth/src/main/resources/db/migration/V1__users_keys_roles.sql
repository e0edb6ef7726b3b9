-- Platform users, mirrored from the identity provider the first time they exchange a token.
CREATE TABLE platform_user (
    id            UUID PRIMARY KEY,
    idp_issuer    VARCHAR(512) NOT NULL,
    idp_subject   VARCHAR(255) NOT NULL,
    username      VARCHAR(255) NOT NULL,
    email         VARCHAR(320),
    full_name     VARCHAR(512),
    service       BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ  NOT NULL,
    last_seen_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_platform_user_idp UNIQUE (idp_issuer, idp_subject)
);
CREATE INDEX ix_platform_user_username ON platform_user (username);

-- Signing keys: private halves encrypted with the key-encryption key from configuration.
CREATE TABLE signing_key (
    kid                VARCHAR(64) PRIMARY KEY,
    algorithm          VARCHAR(16)  NOT NULL,
    public_modulus     TEXT         NOT NULL,
    public_exponent    TEXT         NOT NULL,
    private_key_sealed BYTEA        NOT NULL,
    status             VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    created_at         TIMESTAMPTZ  NOT NULL,
    retired_at         TIMESTAMPTZ
);
-- at most one key signs at a time, whatever the number of auth replicas
CREATE UNIQUE INDEX uq_signing_key_one_active ON signing_key (status) WHERE status = 'ACTIVE';

-- Course and org scoped roles (Open edX "roles" with their "filters"), e.g. course_staff on a course run.
CREATE TABLE role_assignment (
    id          BIGSERIAL PRIMARY KEY,
    user_id     UUID         NOT NULL REFERENCES platform_user (id),
    role        VARCHAR(64)  NOT NULL,
    scope       VARCHAR(255) NOT NULL,
    granted_by  UUID,
    granted_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_role_assignment UNIQUE (user_id, role, scope)
);
