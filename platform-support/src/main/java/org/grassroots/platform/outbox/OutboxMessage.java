package org.grassroots.platform.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One event waiting in its aggregate's document to be published: the CloudEvents attributes,
 * the Kafka topic and key, and the JSON payload, already serialised so the relay needs to know
 * nothing about the event's type.
 */
public record OutboxMessage(
        String eventId,
        String topic,
        String type,
        String source,
        String subject,
        Instant time,
        long aggregateVersion,
        String correlationId,
        String payload) {

    public static final String FIELD = "outbox";

    public OutboxMessage {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(payload, "payload");
    }
}
