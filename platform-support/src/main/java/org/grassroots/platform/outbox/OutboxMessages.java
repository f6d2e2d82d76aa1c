package org.grassroots.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.grassroots.contracts.EventCatalog;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.TimeOrderedIds;
import org.grassroots.platform.correlation.CorrelationId;

/** Turns domain events into outbox messages, and outbox messages to and from BSON. */
public final class OutboxMessages {

    private final EventCodec codec;
    private final String source;

    /** @param source the CloudEvents {@code source} of this service, e.g. {@code /grassroots/case-service} */
    public OutboxMessages(EventCodec codec, String source) {
        this.codec = codec;
        this.source = source;
    }

    public List<OutboxMessage> wrap(List<? extends IntegrationEvent> events) {
        return events.stream().map(this::wrap).toList();
    }

    public OutboxMessage wrap(IntegrationEvent event) {
        Class<? extends IntegrationEvent> type = event.getClass();
        return new OutboxMessage(TimeOrderedIds.nextString(), EventCatalog.topicOf(type), EventCatalog.typeOf(type),
                source, event.subject(), event.occurredAt(), event.aggregateVersion(),
                CorrelationId.current().orElse(null),
                new String(codec.write(event), StandardCharsets.UTF_8));
    }

    /**
     * The entry the relay reads back from an outbox array. Public for stores that write outbox
     * entries themselves (a bulk import holding many events in documents of its own).
     */
    public static Document toDocument(OutboxMessage message) {
        Document document = new Document()
                .append("eventId", message.eventId())
                .append("topic", message.topic())
                .append("type", message.type())
                .append("source", message.source())
                .append("subject", message.subject())
                .append("time", message.time().toString())
                .append("aggregateVersion", message.aggregateVersion())
                .append("payload", message.payload());
        if (message.correlationId() != null) {
            document.append("correlationId", message.correlationId());
        }
        return document;
    }

    /** {@link #toDocument} of each, in order: the array an aggregate's document holds. */
    public static List<Document> toDocuments(List<OutboxMessage> messages) {
        List<Document> documents = new ArrayList<>(messages.size());
        messages.forEach(message -> documents.add(toDocument(message)));
        return documents;
    }

    static OutboxMessage fromDocument(Document document) {
        return new OutboxMessage(document.getString("eventId"), document.getString("topic"),
                document.getString("type"), document.getString("source"), document.getString("subject"),
                Instant.parse(document.getString("time")), ((Number) document.get("aggregateVersion")).longValue(),
                document.getString("correlationId"), document.getString("payload"));
    }
}
