package org.grassroots.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.grassroots.platform.lease.FieldLease;
import org.grassroots.platform.store.StoreIndexes;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

/**
 * Finds the documents with events waiting and claims their outboxes, one document at a time, with
 * a short lease: two relays never publish the same aggregate at once, and a relay that dies leaves
 * the outbox to the next one when its lease runs out. A fresh write usually needs no claim: the
 * store takes the lease in the aggregate's own write ({@link #holding}) and hands the outbox over.
 */
final class OutboxClaims {

    private static final Bson PENDING = Filters.exists(OutboxMessage.FIELD + ".eventId");
    private static final Bson OUTBOX_ONLY = Projections.include(OutboxMessage.FIELD);

    private final MongoTemplate mongo;
    private final StoreIndexes indexes;
    private final FieldLease lease;
    private final int batchSize;
    private final String owner = UUID.randomUUID().toString();
    private final AtomicLong claimCount = new AtomicLong();
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

    /**
     * Takes the outboxes of the documents {@code ids} at once: one bulk write of compare-and-sets on
     * a free lease, then one read by {@code _id} of what was taken (each claim holds a token of its
     * own, so a lease this relay took in a write is never mistaken for one taken here). A document
     * whose lease has run out is claimed on its own. Leaves out the documents another holds or that
     * are gone.
     *
     * @return the pending events of each document taken, in the order of {@code ids}
     */
    Map<Object, List<OutboxMessage>> claimAll(String name, List<Object> ids, Instant now) {
        Map<Object, List<OutboxMessage>> taken = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return taken;
        }
        Document holding = lease.holding(owner + "#" + claimCount.incrementAndGet(), now);
        MongoCollection<Document> documents = collection(name);
        List<UpdateOneModel<Document>> takes = new ArrayList<>(ids.size());
        for (Object id : ids) {
            // {_id, lease: null}: found by _id, without a scan.
            takes.add(new UpdateOneModel<>(new Document("_id", id).append(lease.field(), null),
                    Updates.set(lease.field(), holding)));
        }
        documents.bulkWrite(takes, new BulkWriteOptions().ordered(false));
        Map<Object, Document> read = new HashMap<>();
        documents.find(new Document("_id", new Document("$in", ids)))
                .projection(Projections.include(OutboxMessage.FIELD, lease.field()))
                .forEach(document -> read.put(document.get("_id"), document));
        Date at = Date.from(now);
        for (Object id : ids) {
            Document document = read.get(id);
            if (document == null) {
                continue;
            }
            Object current = document.get(lease.field());
            if (holding.equals(current)) {
                taken.put(id, pendingOf(document));
            } else if (current instanceof Document held && held.getDate(FieldLease.UNTIL) != null
                    && held.getDate(FieldLease.UNTIL).before(at)) {
                List<OutboxMessage> lapsed = claim(name, id, now);
                if (lapsed != null) {
                    taken.put(id, lapsed);
                }
            }
        }
        return taken;
    }

    /** Takes the outbox of document {@code id}: its pending events, or null if another relay holds it. */
    List<OutboxMessage> claim(String name, Object id, Instant now) {
        Document claimed = lease.take(collection(name), id, null, owner, now, OUTBOX_ONLY);
        return claimed == null ? null : pendingOf(claimed);
    }

    /** The lease field's value for a holding by this relay from {@code now}: what the store writes with a change. */
    Document holding(Instant now) {
        return lease.holding(owner, now);
    }

    /** How long a holding lasts. */
    Duration leaseLength() {
        return lease.length();
    }

    /**
     * Extends this relay's own holdings of the documents {@code ids}, taken by the store's writes and
     * not yet run out, in one bulk write by {@code _id}. Only for holdings this relay knows it still
     * has (no other relay takes a lease before it runs out), so no condition is needed; the outboxes
     * the writes handed over stay what is to be sent (later changes were written without the lease).
     */
    void renewAll(String name, List<Object> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        Bson renewed = Updates.set(lease.field(), holding(now));
        List<UpdateOneModel<Document>> renewals = new ArrayList<>(ids.size());
        for (Object id : ids) {
            renewals.add(new UpdateOneModel<>(new Document("_id", id), renewed));
        }
        collection(name).bulkWrite(renewals, new BulkWriteOptions().ordered(false));
    }

    /** The events waiting in a document read with its outbox. */
    static List<OutboxMessage> pendingOf(Document document) {
        return document.getList(OutboxMessage.FIELD, Document.class, List.of()).stream()
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
