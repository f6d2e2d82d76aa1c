package org.grassroots.testsupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The tests' in-memory store, answering a query that names one {@code _id} (or a list of them) from
 * the {@code _id} index whatever else it asks, as MongoDB and the local platform's store
 * ({@code deploy/local/LocalMongo.java}) do: a compare-and-set {@code {_id, version}} finds its
 * document directly. Plain mongo-java-server uses an index only when its fields are exactly the
 * query's, and would read every document of the collection for it.
 */
final class IdFirstMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new IdFirstCollection(this, collectionName, options, cursorRegistry);
            }
        };
    }

    private static final class IdFirstCollection extends MemoryCollection {

        IdFirstCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document projection) {
            if (query.size() > 1 && query.containsKey("_id")) {
                Document byId = new Document("_id", query.get("_id"));
                for (Index<Integer> index : getIndexes()) {
                    if (index.getKeys().size() == 1 && "_id".equals(index.getKeys().get(0).getKey())
                            && index.canHandle(byId)) {
                        return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize, projection);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
        }
    }
}
