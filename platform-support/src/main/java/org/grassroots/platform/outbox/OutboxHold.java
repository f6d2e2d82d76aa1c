package org.grassroots.platform.outbox;

import java.util.Date;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.grassroots.platform.lease.FieldLease;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * Keeps a document's pending events from the relay until they may leave, for a writer that must
 * store events before the change they describe (org-service's bulk import). The relay takes a
 * document only when its lease is absent or past, so a hold is a lease that never runs out; the
 * lease field stays the relay's, named here and nowhere else outside it.
 */
public final class OutboxHold {

    /** The relay's lease on a document's outbox. */
    static final String LEASE = "outboxLease";
    private static final String HOLDER = "outbox-hold";
    private static final Date FOREVER = new Date(253402300799000L); // 9999-12-31T23:59:59Z

    private OutboxHold() {
    }

    /** The document, its outbox held back from the relay. */
    public static Document held(Document document) {
        return document.append(LEASE, FieldLease.holding(HOLDER, FOREVER));
    }

    /** Matches documents whose outbox is held (or leased by a relay at this moment). */
    public static Bson isHeld() {
        return Filters.exists(LEASE);
    }

    /** Lifts the hold; wake the relay afterwards so the events leave at once. */
    public static Bson release() {
        return Updates.unset(LEASE);
    }
}
