package org.grassroots.platform.store;

/**
 * Unique indexes on {@code (_id, field)} for collections written by compare-and-set, where an
 * update only lands if {@code field} (a version, a revision, a lease) is still what was read.
 *
 * <p>MongoDB answers such a {@code {_id, field}} filter from the {@code _id} index and needs no
 * more. The embedded store of the local platform and the tests uses an index only when its fields
 * are exactly the query's, and otherwise reads every document of the collection; with this index
 * it finds the one document directly. The index is unique because {@code _id} is, and costs MongoDB
 * one small index per collection.
 *
 * <p>Collections known at start-up declare theirs with {@link StoreIndex#compareAndSet}; this is
 * the safety net for a collection a generic writer meets first at run time, through the same
 * {@link StoreIndexes}.
 */
public class CompareAndSetIndexes {

    private final StoreIndexes indexes;

    public CompareAndSetIndexes(StoreIndexes indexes) {
        this.indexes = indexes;
    }

    /** Makes sure {@code collection} has the unique index on {@code (_id, field)}. */
    public void ensure(String collection, String field) {
        indexes.ensure(StoreIndex.compareAndSet(collection, field));
    }
}
