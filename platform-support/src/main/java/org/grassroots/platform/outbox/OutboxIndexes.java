package org.grassroots.platform.outbox;

import java.util.List;

import org.grassroots.platform.store.StoreIndex;

/**
 * The index a collection with an outbox needs: the relay's scan for pending events (sparse: only
 * documents with some). The relay's claims and {@link AggregateStore}'s updates are compare-and-sets
 * on {@code _id} and one more field, which every store answers from the {@code _id} index.
 */
public final class OutboxIndexes {

    private OutboxIndexes() {
    }

    public static List<StoreIndex> ofOutbox(String collection) {
        return List.of(StoreIndex.on(collection).ascending(OutboxMessage.FIELD + ".eventId").sparse().named("outbox_pending"));
    }
}
