package org.grassroots.platform.store;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Unique indexes on {@code (_id, field)} for collections written by compare-and-set, where an
 * update only lands if {@code field} (a version, a revision, a lease) is still what was read.
 *
 * <p>MongoDB answers such a {@code {_id, field}} filter from the {@code _id} index and needs no
 * more. The embedded store of the local platform and the tests uses an index only when its fields
 * are exactly the query's, and otherwise reads every document of the collection; with this index
 * it finds the one document directly. The index is unique because {@code _id} is, costs MongoDB
 * one small index per collection, and is created once per collection and field, on first use.
 */
public class CompareAndSetIndexes {

    private final MongoTemplate mongo;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    public CompareAndSetIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Makes sure {@code collection} has the unique index on {@code (_id, field)}. */
    public void ensure(String collection, String field) {
        if (created.add(collection + "\u0000" + field)) {
            mongo.getCollection(collection).createIndex(Indexes.ascending("_id", field),
                    new IndexOptions().unique(true).name("compare_and_set_" + field));
        }
    }
}
