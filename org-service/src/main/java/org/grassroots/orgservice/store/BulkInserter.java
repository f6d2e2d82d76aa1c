package org.grassroots.orgservice.store;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.InsertManyOptions;

/** Inserts many new documents in a few round trips: a district's thousands of units in an import. */
@Component
public class BulkInserter {

    private static final int CHUNK = 1000;

    private final MongoTemplate mongo;

    BulkInserter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts the mapped documents in order, in chunks. */
    public void insertAll(Class<?> documentClass, List<?> documents) {
        String collection = mongo.getCollectionName(documentClass);
        List<Document> chunk = new ArrayList<>(Math.min(CHUNK, documents.size()));
        for (Object state : documents) {
            Document document = new Document();
            mongo.getConverter().write(state, document);
            chunk.add(document);
            if (chunk.size() == CHUNK) {
                mongo.getCollection(collection).insertMany(chunk, new InsertManyOptions().ordered(true));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            mongo.getCollection(collection).insertMany(chunk, new InsertManyOptions().ordered(true));
        }
    }
}
