package org.grassroots.platform.paging;

import java.util.function.Function;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** Reads one page of a store query: the count of all that match, and the page's documents. */
public final class PagedQueries {

    private PagedQueries() {
    }

    /**
     * @param query    what to list, with its order (the order must be total, e.g. end on the id, so
     *                 that paging neither repeats nor skips an item)
     * @param document the stored type
     * @param item     how a stored document becomes an item
     */
    public static <D, T> Page<T> page(MongoTemplate mongo, Query query, Class<D> document, Function<D, T> item,
            Paging paging) {
        long total = mongo.count(Query.of(query).limit(0).skip(0), document);
        Query page = Query.of(query).skip(paging.skip()).limit(paging.size());
        return Page.of(mongo.find(page, document).stream().map(item).toList(), paging, total);
    }
}
