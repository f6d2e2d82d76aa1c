package org.grassroots.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.grassroots.platform.lease.FieldLease;
import org.grassroots.platform.store.StoreIndexes;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

/**
 * Finds the documents with events waiting and claims their outboxes, one document at a time, with
 * a short lease: two relays never publish the same aggregate at once, and a relay that dies leaves
 * the outbox to the next one when its lease runs out.
 */
final class OutboxClaims {

    private static final Bson PENDING = Filters.exists(OutboxMessage.FIELD + ".eventId");
    private static final Bson OUTBOX_ONLY = Projections.include(OutboxMessage.FIELD);

    private final MongoTemplate mongo;
    private final StoreIndexes indexes;
    private final FieldLease lease;
    private final int batchSize;
    private final String owner = UUID.randomUUID().toString();
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    OutboxClaims(MongoTemplate mongo, StoreIndexes indexes, OutboxProperties properties) {
        this.mongo = mongo;
        this.indexes = indexes;
        this.lease = new FieldLease(OutboxHold.LEASE, properties.lease());
        this.batchSize = properties.batchSize();
    }

    /** Up to a batch of documents of {@code name} with events waiting and no relay holding them. */
    List<Object> pendingIn(String name) {
        List<Object> candidates = new ArrayList<>();
        collection(name).find(Filters.and(PENDING, lease.free(Instant.now())))
                .projection(Projections.include("_id"))
                .limit(batchSize)
                .forEach(document -> candidates.add(document.get("_id")));
        return candidates;
    }

    /** Whether a scan that found {@code found} documents may have left more behind. */
    boolean full(int found) {
        return found >= batchSize;
    }

    /** Takes the outbox of document {@code id}: its pending events, or null if another relay holds it. */
    List<OutboxMessage> claim(String name, Object id, Instant now) {
        Document claimed = lease.take(collection(name), id, null, owner, now, OUTBOX_ONLY);
        if (claimed == null) {
            return null;
        }
        return claimed.getList(OutboxMessage.FIELD, Document.class, List.of()).stream()
                .map(OutboxMessages::fromDocument).toList();
    }

    /** The update that removes the events Kafka acknowledged and gives the lease back. */
    Bson published(List<String> acknowledgedEventIds) {
        return Updates.combine(
                Updates.pull(OutboxMessage.FIELD, Filters.in("eventId", acknowledgedEventIds)),
                lease.released());
    }

    MongoCollection<Document> collection(String name) {
        MongoCollection<Document> collection = mongo.getCollection(name);
        if (indexed.add(name)) {
            OutboxIndexes.ofOutbox(name).forEach(indexes::ensure);
        }
        return collection;
    }
}
