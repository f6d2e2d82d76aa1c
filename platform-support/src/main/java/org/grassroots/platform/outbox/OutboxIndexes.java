package org.grassroots.platform.outbox;

import java.util.List;

import org.grassroots.platform.store.StoreIndex;

/** The indexes a collection with an outbox needs: the relay's scan and claim, and the aggregate's update. */
public final class OutboxIndexes {

    static final String LEASE = OutboxHold.LEASE;

    private OutboxIndexes() {
    }

    /** For the relay: the pending events (sparse: only documents with some) and the lease's compare-and-set. */
    public static List<StoreIndex> ofOutbox(String collection) {
        return List.of(
                StoreIndex.on(collection).ascending(OutboxMessage.FIELD + ".eventId").sparse().named("outbox_pending"),
                StoreIndex.compareAndSet(collection, LEASE));
    }

    /**
     * For a collection {@link AggregateStore} writes: the outbox's indexes, the version's
     * compare-and-set, and the one of a change that takes the relay's lease with it
     * ({@code {_id, version, outboxLease: null}}: the embedded store uses an index only when its
     * fields are exactly the query's).
     */
    public static List<StoreIndex> ofAggregates(String collection) {
        List<StoreIndex> outbox = ofOutbox(collection);
        return List.of(outbox.get(0), outbox.get(1), StoreIndex.compareAndSet(collection, AggregateStore.VERSION),
                versionAndLease(collection));
    }

    /** The unique index on {@code (_id, version, outboxLease)}: a change that also takes a free lease. */
    static StoreIndex versionAndLease(String collection) {
        return StoreIndex.on(collection).ascending("_id", AggregateStore.VERSION, LEASE).unique()
                .named("compare_and_set_version_lease");
    }
}
