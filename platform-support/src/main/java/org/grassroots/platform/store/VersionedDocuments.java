package org.grassroots.platform.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.result.UpdateResult;

/**
 * The documents of one read model fed by events: each is what the events say of one thing (a grid, a
 * building, a partner), keyed by its id and carrying the {@value #VERSION} of the newest event applied.
 * {@link #apply} writes an event's values only over an older version, so a redelivered event, or an older
 * one that arrives after a newer one, changes nothing, and a replay of the topic in any order ends at the
 * same documents.
 *
 * <p>It is one upsert filtered on the id and a version lower than the event's. When the stored version is
 * as new or newer, the filter matches nothing and the upsert's insert collides with the stored document on
 * {@code _id}: that duplicate key means "already newer", on MongoDB and on the embedded store alike. The
 * first time, the collision may instead be with an older version a concurrent writer inserted between the
 * upsert's match and its insert, so the upsert runs once more: the document exists by then, and the second
 * answer is final. Of two events applied at once, the higher version is what stays.
 *
 * <p>On MongoDB the filter is answered from the {@code _id} index; the embedded store reads the collection
 * for it (it uses an index only when the index's fields are exactly the query's), which is how these read
 * models always worked there.
 */
public final class VersionedDocuments {

    /** The field that holds the version of the newest event applied to the document. */
    public static final String VERSION = "version";

    private final MongoOperations mongo;
    private final String collection;

    public VersionedDocuments(MongoOperations mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /**
     * Sets {@code values} (field by field; a null value is stored as null) and {@code version} on the
     * document {@code id}, inserting it if there is none, unless it holds {@code version} or a newer one.
     *
     * @return whether the values were written; false when the document was as new or newer already
     */
    public boolean apply(Object id, long version, Map<String, ?> values) {
        Query olderOrAbsent = query(where("_id").is(id).and(VERSION).lt(version));
        Update update = new Update();
        values.forEach(update::set);
        update.set(VERSION, version);
        try {
            return written(mongo.upsert(olderOrAbsent, update, collection));
        } catch (DuplicateKeyException collided) {
            // Newer or equal, or an older version inserted meanwhile: the document exists now, so ask again.
        }
        try {
            return written(mongo.upsert(olderOrAbsent, update, collection));
        } catch (DuplicateKeyException newer) {
            return false;
        }
    }

    private static boolean written(UpdateResult result) {
        return result.getMatchedCount() > 0 || result.getUpsertedId() != null;
    }
}
