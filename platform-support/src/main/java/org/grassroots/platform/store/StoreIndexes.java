package org.grassroots.platform.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoCommandException;

/**
 * The one way indexes come into being: every {@link StoreIndex} the service's {@link IndexedQueries}
 * declare is created once all beans exist and before any listener container, relay or web server
 * starts, so no query runs before its index. Creating an index that exists with the same definition
 * changes nothing on either store, so every start and every instance may do it.
 *
 * <p>A declaration whose definition changed (other keys or options under the same name) replaces
 * the old index: MongoDB refuses to create it over the old one, and the declaration is what the
 * queries now need. A unique index the stored data violates fails the start, naming the index.
 *
 * <p>Indexes an earlier version made and no code needs any more are dropped at the start: the unique
 * {@code compare_and_set_*} indexes on {@code (_id, field)}, which only the embedded store ever used
 * (it now answers such a filter from the {@code _id} index, as MongoDB always did). Each was rewritten
 * on every change of its field, that is on every write of an aggregate.
 */
public class StoreIndexes implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);
    /** MongoDB's IndexOptionsConflict and IndexKeySpecsConflict. */
    private static final Set<Integer> CONFLICT = Set.of(85, 86);
    /** The names of the indexes earlier versions made that are dropped unless declared again. */
    private static final String RETIRED_PREFIX = "compare_and_set_";

    private final MongoTemplate mongo;
    private final ObjectProvider<IndexedQueries> declarations;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    public StoreIndexes(MongoTemplate mongo, ObjectProvider<IndexedQueries> declarations) {
        this.mongo = mongo;
        this.declarations = declarations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<StoreIndex> declared = declared();
        declared.forEach(this::ensure);
        dropRetired(declared);
        log.info("{} declared indexes present in {}", declared.size(), mongo.getDb().getName());
    }

    private void dropRetired(List<StoreIndex> declared) {
        for (StoreIndex index : inStore()) {
            if (index.name().startsWith(RETIRED_PREFIX) && !declared.contains(index)) {
                mongo.getCollection(index.collection()).dropIndex(index.name());
                log.info("Dropped index {}.{}: no query needs it any more", index.collection(), index.name());
            }
        }
    }

    /** Every index the service's code declares, without repeats (two classes may need the same one). */
    public List<StoreIndex> declared() {
        Map<String, StoreIndex> all = new LinkedHashMap<>();
        declarations.orderedStream().map(IndexedQueries::indexes).flatMap(Collection::stream)
                .forEach(index -> {
                    StoreIndex earlier = all.putIfAbsent(index.collection() + "." + index.name(), index);
                    if (earlier != null && !earlier.equals(index)) {
                        throw new IllegalStateException("Two declarations of " + index.collection() + "."
                                + index.name() + " differ: " + earlier + " and " + index);
                    }
                });
        return new ArrayList<>(all.values());
    }

    /**
     * The secondary indexes the store holds now, in every collection of the service's database
     * ({@code _id_} left out), read back as declarations so that they compare with {@link #declared()}.
     */
    public List<StoreIndex> inStore() {
        List<StoreIndex> found = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            for (Document index : mongo.getCollection(collection).listIndexes()) {
                String name = index.getString("name");
                if ("_id_".equals(name)) {
                    continue;
                }
                Map<String, Object> keys = new LinkedHashMap<>();
                index.get("key", Document.class).forEach((field, kind) ->
                        keys.put(field, kind instanceof Number number ? (Object) number.intValue() : kind));
                found.add(new StoreIndex(collection, name, keys, Boolean.TRUE.equals(index.get("unique")),
                        Boolean.TRUE.equals(index.get("sparse"))));
            }
        }
        return found;
    }

    /** Creates {@code index} unless this instance already did. */
    public void ensure(StoreIndex index) {
        if (!created.add(index.collection() + "\u0000" + index.name())) {
            return;
        }
        var collection = mongo.getCollection(index.collection());
        try {
            collection.createIndexes(List.of(index.model()));
        } catch (MongoCommandException e) {
            if (!CONFLICT.contains(e.getErrorCode())) {
                created.remove(index.collection() + "\u0000" + index.name());
                throw new IllegalStateException("Cannot create index " + index + ": " + e.getErrorMessage(), e);
            }
            log.warn("Index {}.{} exists with another definition; replacing it with {}", index.collection(),
                    index.name(), index);
            collection.dropIndex(index.name());
            collection.createIndexes(List.of(index.model()));
        }
    }
}
