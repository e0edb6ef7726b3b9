-- platform-outbox: events written in the business transaction, relayed to RabbitMQ by OutboxRelay.
-- Shipped in the platform-outbox jar; a service runs it by adding db/outbox to quarkus.flyway.locations.
-- Version 1000 keeps it clear of the service's own migrations (V1, V2, ...).
CREATE TABLE outbox_event (
    id           UUID PRIMARY KEY,                          -- the CloudEvents id and the AMQP message id
    type         VARCHAR(128) NOT NULL,                     -- the CloudEvents type and the routing key
    source       VARCHAR(128) NOT NULL,
    subject      VARCHAR(512),
    data         JSONB        NOT NULL,
    request_id   VARCHAR(128),                              -- CloudEvents extension attribute requestid
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    published_at TIMESTAMPTZ,                               -- set once the broker confirmed the message
    attempts     INT          NOT NULL DEFAULT 0,           -- failed publish attempts
    last_error   TEXT
);

-- The relay's claim query: oldest unpublished rows first. Published rows leave the index.
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (created_at) WHERE published_at IS NULL;
