package org.grassroots.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.platform.domain.AlreadyExistsException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.result.UpdateResult;

/**
 * Saves an aggregate's document together with the events the change produced, in one
 * single-document write: the events go into the document's {@code outbox} array, and
 * {@link OutboxRelay} publishes them afterwards. No multi-document transaction is needed, so this
 * works on a plain MongoDB and on the embedded store alike.
 *
 * <p>The document class must map a {@code version} field: the aggregate's version after the change.
 * An update only applies if the stored version is still the one the caller read, so of two
 * people acting on the same aggregate at once, one wins and the other gets a conflict.
 *
 * <p>A change with events also takes the relay's lease on the outbox in the same write, when no
 * relay holds it, and hands the outbox it wrote to the relay: the relay then sends the events at
 * once, without a claim of its own (a round trip and a write of the document less per change). When
 * a relay holds the lease (it is publishing the aggregate's earlier events), the change is written
 * without it and the relay is told the document's id, as before.
 */
public class AggregateStore {

    public static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final OutboxMessages messages;
    private final OutboxRelay relay;

    public AggregateStore(MongoTemplate mongo, OutboxMessages messages, OutboxRelay relay) {
        this.mongo = mongo;
        this.messages = messages;
        this.relay = relay;
    }

    /** Stores a new aggregate and the events of its creation. */
    public void insert(Object aggregate, List<? extends IntegrationEvent> events) {
        String collection = mongo.getCollectionName(aggregate.getClass());
        Document state = toDocument(aggregate);
        List<OutboxMessage> outbox = messages.wrap(events);
        state.put(OutboxMessage.FIELD, OutboxMessages.toDocuments(outbox));
        Instant now = Instant.now();
        if (!outbox.isEmpty()) {
            // A new document: nobody holds its lease yet, so the write takes it for this instance's relay.
            state.put(OutboxHold.LEASE, relay.holding(now));
        }
        try {
            mongo.getCollection(collection).insertOne(state);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new AlreadyExistsException(describe(aggregate), String.valueOf(state.get("_id")));
            }
            throw e;
        }
        relay.watch(collection);
        if (!outbox.isEmpty()) {
            relay.handOff(collection, state.get("_id"), now, outbox);
        }
    }

    /**
     * Replaces the aggregate's state if it is still at {@code expectedVersion}, and appends the
     * events. Fields the new state no longer has are removed; pending events stay untouched.
     */
    public void update(Object aggregate, long expectedVersion, List<? extends IntegrationEvent> events) {
        String collection = mongo.getCollectionName(aggregate.getClass());
        Document state = toDocument(aggregate);
        Object id = state.remove("_id");
        state.remove(OutboxMessage.FIELD);

        Document unset = new Document();
        for (String field : persistentFields(aggregate.getClass())) {
            if (!state.containsKey(field) && !"_id".equals(field)) {
                unset.put(field, "");
            }
        }
        Document update = new Document("$set", state);
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        if (!events.isEmpty()) {
            update.append("$push", new Document(OutboxMessage.FIELD,
                    new Document("$each", OutboxMessages.toDocuments(messages.wrap(events)))));
        }
        MongoCollection<Document> documents = mongo.getCollection(collection);
        // A plain {_id, version} document, not Filters.and(...): the driver sends the latter as
        // {$and: [...]}, which the embedded store answers by reading every document of the collection;
        // the plain one it answers from the _id index, as MongoDB does.
        Document current = new Document("_id", id).append(VERSION, expectedVersion);
        if (!events.isEmpty() && updateTakingTheLease(collection, documents, id, current, update)) {
            return;
        }
        UpdateResult result = documents.updateOne(current, update);
        if (result.getMatchedCount() == 0) {
            boolean exists = mongo.getCollection(collection).find(Filters.eq("_id", id))
                    .projection(new Document("_id", 1)).first() != null;
            if (exists) {
                throw new VersionConflictException(describe(aggregate), String.valueOf(id), expectedVersion);
            }
            throw new NotFoundException(describe(aggregate), String.valueOf(id));
        }
        published(collection, id, events);
    }

    /**
     * The change, if the outbox's lease is free, together with the relay's lease on it; the relay
     * gets the outbox as written (earlier events not yet published included). False if the version
     * moved on or a relay holds the lease: the caller writes the change as before.
     */
    private boolean updateTakingTheLease(String collection, MongoCollection<Document> documents, Object id,
            Document current, Document update) {
        Instant now = Instant.now();
        Document set = new Document(update.get("$set", Document.class)).append(OutboxHold.LEASE, relay.holding(now));
        Document withLease = new Document(update).append("$set", set);
        // {_id, version, outboxLease: null} matches a missing lease too.
        Bson leaseFree = new Document(current).append(OutboxHold.LEASE, null);
        Document written = documents.findOneAndUpdate(leaseFree, withLease, new FindOneAndUpdateOptions()
                .returnDocument(ReturnDocument.AFTER).projection(Projections.include(OutboxMessage.FIELD)));
        if (written == null) {
            return false;
        }
        relay.watch(collection);
        relay.handOff(collection, id, now, OutboxClaims.pendingOf(written));
        return true;
    }

    private void published(String collection, Object id, List<? extends IntegrationEvent> events) {
        relay.watch(collection);
        if (!events.isEmpty()) {
            relay.wakeUp(collection, id);
        }
    }

    private Document toDocument(Object aggregate) {
        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        if (!state.containsKey(VERSION)) {
            throw new IllegalArgumentException(aggregate.getClass().getName() + " must map a 'version' field");
        }
        return state;
    }

    private List<String> persistentFields(Class<?> type) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        List<String> fields = new ArrayList<>();
        for (MongoPersistentProperty property : entity) {
            fields.add(property.getFieldName());
        }
        return fields;
    }

    private static String describe(Object aggregate) {
        return aggregate.getClass().getSimpleName().replace("Document", "");
    }
}
