package org.grassroots.platform.store;

import java.util.List;

/**
 * Implemented by the code that queries the store: the indexes its queries need, declared beside
 * them so that a new query and its index change together. {@link StoreIndexes} creates every
 * declared index when the service starts, before it serves requests or consumes events.
 */
public interface IndexedQueries {

    List<StoreIndex> indexes();

    /** The indexes of several declarations as one list. */
    @SafeVarargs
    static List<StoreIndex> all(List<StoreIndex>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
