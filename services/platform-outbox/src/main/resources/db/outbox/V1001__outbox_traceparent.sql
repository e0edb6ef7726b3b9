-- The W3C trace context of the span that wrote the event (CloudEvents Distributed Tracing extension), so the trace
-- continues through the relay and RabbitMQ into the consumers; null when tracing is off or the writer was not traced.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(64);
