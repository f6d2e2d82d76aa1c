package org.grassroots.platform.consumer;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/**
 * Applies an event's effect exactly once: the effect is a document whose {@code _id} is the
 * source event's id, so recording the effect and recording that the event was handled are the
 * same single write. A redelivered event hits the unique key and changes nothing.
 */
public class IdempotentConsumer {

    private final MongoTemplate mongo;

    public IdempotentConsumer(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return true if the effect was recorded now, false if this event had been applied before */
    public boolean recordOnce(String collection, String sourceEventId, Document effect) {
        Document document = new Document(effect);
        document.put("_id", sourceEventId);
        try {
            mongo.getCollection(collection).insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Same, with the effect given as a mapped object (a record or a {@code @Document} class). */
    public boolean recordOnce(String collection, String sourceEventId, Object effect) {
        Document document = new Document();
        mongo.getConverter().write(effect, document);
        document.remove("_class");
        return recordOnce(collection, sourceEventId, document);
    }
}
