-- Rotation: a key is published (PENDING) before it signs (ACTIVE), and stays published after it stops signing
-- (RETIRED) until every token it signed has expired.
ALTER TABLE signing_key DROP CONSTRAINT signing_key_status_check;
ALTER TABLE signing_key ADD CONSTRAINT signing_key_status_check CHECK (status IN ('PENDING', 'ACTIVE', 'RETIRED'));
ALTER TABLE signing_key ADD COLUMN activates_at TIMESTAMPTZ;
ALTER TABLE signing_key ADD COLUMN activated_at TIMESTAMPTZ;
ALTER TABLE signing_key ADD COLUMN published_until TIMESTAMPTZ;
UPDATE signing_key SET activated_at = created_at WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX uq_signing_key_one_pending ON signing_key (status) WHERE status = 'PENDING';
