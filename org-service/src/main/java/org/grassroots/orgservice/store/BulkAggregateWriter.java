package org.grassroots.orgservice.store;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.platform.outbox.OutboxMessage;
import org.grassroots.platform.outbox.OutboxMessages;
import org.grassroots.platform.outbox.OutboxRelay;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.InsertManyOptions;

/**
 * Inserts many new aggregates at once, each document still carrying its own events in its
 * {@code outbox} array exactly as {@link org.grassroots.platform.outbox.AggregateStore#insert}
 * writes them: every document is atomic with its events, but a district of thousands of units
 * costs a few round trips instead of one per unit. The relay then publishes them as usual.
 *
 * <p>The outbox entries mirror the platform's own layout (OutboxMessages' document form), which
 * the relay reads back; the import test proves the relay publishes what this writes.
 */
@Component
public class BulkAggregateWriter {

    private static final int CHUNK = 1000;

    private final MongoTemplate mongo;
    private final OutboxMessages messages;
    private final OutboxRelay relay;

    BulkAggregateWriter(MongoTemplate mongo, OutboxMessages messages, OutboxRelay relay) {
        this.mongo = mongo;
        this.messages = messages;
        this.relay = relay;
    }

    /** One new aggregate's state and the events of its creation. */
    public record NewAggregate(Object state, List<? extends IntegrationEvent> events) {
    }

    /** Inserts the aggregates in order, in chunks; returns how many were written. */
    public int insertAll(Class<?> documentClass, List<NewAggregate> aggregates) {
        if (aggregates.isEmpty()) {
            return 0;
        }
        String collection = mongo.getCollectionName(documentClass);
        List<Document> chunk = new ArrayList<>(Math.min(CHUNK, aggregates.size()));
        for (NewAggregate aggregate : aggregates) {
            chunk.add(toDocument(aggregate));
            if (chunk.size() == CHUNK) {
                mongo.getCollection(collection).insertMany(chunk, new InsertManyOptions().ordered(true));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            mongo.getCollection(collection).insertMany(chunk, new InsertManyOptions().ordered(true));
        }
        relay.watch(collection);
        relay.wakeUp();
        return aggregates.size();
    }

    private Document toDocument(NewAggregate aggregate) {
        Document state = new Document();
        mongo.getConverter().write(aggregate.state(), state);
        List<Document> outbox = new ArrayList<>(aggregate.events().size());
        for (OutboxMessage message : messages.wrap(aggregate.events())) {
            outbox.add(outboxEntry(message));
        }
        state.put(OutboxMessage.FIELD, outbox);
        return state;
    }

    private static Document outboxEntry(OutboxMessage message) {
        Document entry = new Document()
                .append("eventId", message.eventId())
                .append("topic", message.topic())
                .append("type", message.type())
                .append("source", message.source())
                .append("subject", message.subject())
                .append("time", message.time().toString())
                .append("aggregateVersion", message.aggregateVersion())
                .append("payload", message.payload());
        if (message.correlationId() != null) {
            entry.append("correlationId", message.correlationId());
        }
        return entry;
    }
}
