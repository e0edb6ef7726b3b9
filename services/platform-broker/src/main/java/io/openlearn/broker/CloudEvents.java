package io.openlearn.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.UUID;

/**
 * The envelope of every message on {@code openlearn.events}: one CloudEvent 1.0 in structured JSON mode
 * (ADR 0004). Consumers find the same attributes on every event type.
 */
public final class CloudEvents {

    public static final String EXCHANGE = "openlearn.events";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** Extension attribute carrying the id of the request that caused the event (lower-case letters only). */
    public static final String REQUEST_ID = "requestid";
    /** The Distributed Tracing extension's attribute: the W3C trace context of the span that wrote the event. */
    public static final String TRACEPARENT = "traceparent";

    private CloudEvents() {
    }

    /** One outbox row as stored: {@code data} is the JSON text of the payload; traceparent may be null. */
    public record StoredEvent(UUID id, String type, String source, String subject, String data, String requestId,
            String traceparent, OffsetDateTime createdAt) {
    }

    /** The message body of a stored event. The same row always gives the same bytes, so a resend is identical. */
    public static byte[] encode(ObjectMapper mapper, StoredEvent event) throws JsonProcessingException {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("specversion", SPEC_VERSION);
        envelope.put("id", event.id().toString());
        envelope.put("source", event.source());
        envelope.put("type", event.type());
        if (event.subject() != null) {
            envelope.put("subject", event.subject());
        }
        envelope.put("time", event.createdAt().toInstant().toString());
        if (event.requestId() != null) {
            envelope.put(REQUEST_ID, event.requestId());
        }
        if (event.traceparent() != null) {
            envelope.put(TRACEPARENT, event.traceparent());
        }
        envelope.put("datacontenttype", DATA_CONTENT_TYPE);
        envelope.set("data", mapper.readTree(event.data()));
        return mapper.writeValueAsBytes(envelope);
    }

    /** Persistent, with the event's id as message id so the broker and consumers can tell a resend. */
    public static AMQP.BasicProperties properties(StoredEvent event) {
        return new AMQP.BasicProperties.Builder()
                .contentType(CONTENT_TYPE)
                .deliveryMode(2)
                .messageId(event.id().toString())
                .type(event.type())
                .timestamp(Date.from(event.createdAt().toInstant()))
                .build();
    }
}
