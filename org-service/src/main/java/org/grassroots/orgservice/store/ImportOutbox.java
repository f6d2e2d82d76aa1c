package org.grassroots.orgservice.store;

import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.grassroots.platform.outbox.OutboxIndexes;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.platform.outbox.OutboxHold;
import org.grassroots.platform.outbox.OutboxMessage;
import org.grassroots.platform.outbox.OutboxMessages;
import org.grassroots.platform.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * The events of a bulk import, kept a few hundred to a document instead of one per unit or member.
 *
 * <p>Why: the platform's relay claims and clears each document's outbox separately, so eight
 * thousand new units and members, each with its own one-event outbox, cost sixteen thousand extra
 * writes and over a minute before the last event leaves. Packed five hundred to a document they
 * leave in seconds.
 *
 * <p>How it stays exact without transactions: the event documents are written first, held back
 * from the relay by an {@link OutboxHold} (a relay lease that never runs out); then the units and members are written; then the hold is lifted
 * and the relay woken. The import is recorded in the tree lock while it runs, so if its process
 * dies half-way, the next holder of the lock calls {@link #recover}: it keeps only the events whose
 * change is in the store (the record exists at that version or later), drops the others, and lifts
 * the hold. No event is published for a change that was not stored, none is lost for one that was.
 * Events of one aggregate still keep their order: an import's events for it are all in one
 * document, and every event carries the whole record, so a consumer that skips versions older than
 * what it holds cannot be confused by a later change arriving first.
 */
@Component
public class ImportOutbox implements IndexedQueries {

    static final String COLLECTION = "import_events";
    private static final int EVENTS_PER_DOCUMENT = 500;

    private static final Logger log = LoggerFactory.getLogger(ImportOutbox.class);

    private final MongoTemplate mongo;
    private final OutboxMessages messages;
    private final OutboxRelay relay;

    ImportOutbox(MongoTemplate mongo, OutboxMessages messages, OutboxRelay relay) {
        this.mongo = mongo;
        this.messages = messages;
        this.relay = relay;
    }

    /** An import's held events, and the relay's indexes on them. */
    @Override
    public List<StoreIndex> indexes() {
        // recover(), release(): the held events of one import.
        return IndexedQueries.all(OutboxIndexes.ofOutbox(COLLECTION),
                List.of(StoreIndex.on(COLLECTION).ascending("importId").build()));
    }

    /** Stores the import's events, held back from the relay until {@link #release}. */
    public void hold(String importId, List<? extends IntegrationEvent> events) {
        List<Document> documents = new ArrayList<>();
        for (int from = 0; from < events.size(); from += EVENTS_PER_DOCUMENT) {
            List<Document> outbox = OutboxMessages.toDocuments(
                    messages.wrap(events.subList(from, Math.min(events.size(), from + EVENTS_PER_DOCUMENT))));
            documents.add(OutboxHold.held(new Document("_id", importId + "-" + (from / EVENTS_PER_DOCUMENT))
                    .append("importId", importId).append("version", 1L)
                    .append(OutboxMessage.FIELD, outbox)));
        }
        if (!documents.isEmpty()) {
            mongo.getCollection(COLLECTION).insertMany(documents);
        }
    }

    /** Lets the relay publish the import's events now that its changes are stored. */
    public void release(String importId) {
        mongo.getCollection(COLLECTION).updateMany(Filters.eq("importId", importId), OutboxHold.release());
        relay.watch(COLLECTION);
        relay.wakeUp();
    }

    /**
     * Finishes an import that failed or whose process died: drops the held events whose change
     * never reached the store, then releases the rest.
     */
    public void recover(String importId) {
        int dropped = 0;
        for (Document held : mongo.getCollection(COLLECTION).find(Filters.and(Filters.eq("importId", importId),
                OutboxHold.isHeld()))) {
            List<Document> kept = new ArrayList<>();
            for (Document event : held.getList(OutboxMessage.FIELD, Document.class, List.of())) {
                String collection = collectionOf(event.getString("type"));
                long version = ((Number) event.get("aggregateVersion")).longValue();
                boolean stored = mongo.getCollection(collection).countDocuments(Filters.and(
                        Filters.eq("_id", event.getString("subject")), Filters.gte("version", version))) > 0;
                if (stored) {
                    kept.add(event);
                } else {
                    dropped++;
                }
            }
            mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", held.get("_id")),
                    Updates.set(OutboxMessage.FIELD, kept));
        }
        log.warn("Finished import {} that did not complete: {} held events of changes never stored were dropped",
                importId, dropped);
        release(importId);
    }

    /** An import creates units and members only. */
    private static String collectionOf(String eventType) {
        return eventType.startsWith("org.grassroots.org.unit-") ? "units" : "members";
    }
}
