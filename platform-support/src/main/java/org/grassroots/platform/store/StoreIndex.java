package org.grassroots.platform.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.bson.Document;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;

/**
 * One index a query needs: the collection, the keys in order ({@code 1}, {@code -1} or
 * {@code "2dsphere"}), and whether it is unique or sparse. Declared by the code that runs the query
 * (see {@link IndexedQueries}) and created at start-up by {@link StoreIndexes}.
 *
 * <p>Only the options both stores understand are offered: the embedded store keeps unique indexes
 * (sparse ones too) and lists every other index without using it; partial filters, TTL, collations
 * and text indexes are left out because it would silently ignore them.
 */
public record StoreIndex(String collection, String name, Map<String, Object> keys, boolean unique, boolean sparse) {

    public StoreIndex {
        if (collection == null || collection.isBlank() || keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("An index needs a collection and at least one key");
        }
        keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        name = name == null ? defaultName(keys) : name;
    }

    /** Starts an index on {@code collection}; add keys in the order the query uses them. */
    public static Builder on(String collection) {
        return new Builder(collection);
    }

    /** The key document MongoDB expects ({@code {field: 1, other: -1}}). */
    public Document keyDocument() {
        return new Document(keys);
    }

    /** The index as the driver creates it: keys, name, unique and sparse. */
    public IndexModel model() {
        IndexOptions options = new IndexOptions().name(name);
        if (unique) {
            options.unique(true);
        }
        if (sparse) {
            options.sparse(true);
        }
        return new IndexModel(keyDocument(), options);
    }

    /** MongoDB's own default name, {@code field_1_other_-1}, so a listing reads the same everywhere. */
    private static String defaultName(Map<String, Object> keys) {
        StringJoiner name = new StringJoiner("_");
        keys.forEach((field, kind) -> name.add(field).add(String.valueOf(kind)));
        return name.toString();
    }

    @Override
    public String toString() {
        return collection + "." + name + " " + keyDocument().toJson() + (unique ? " unique" : "") + (sparse ? " sparse" : "");
    }

    public static final class Builder {

        private final String collection;
        private final Map<String, Object> keys = new LinkedHashMap<>();
        private String name;
        private boolean unique;
        private boolean sparse;

        private Builder(String collection) {
            this.collection = collection;
        }

        public Builder ascending(String... fields) {
            for (String field : fields) {
                keys.put(field, 1);
            }
            return this;
        }

        public Builder descending(String field) {
            keys.put(field, -1);
            return this;
        }

        /** A geometry index; real MongoDB checks every stored geometry against its rules. */
        public Builder geo2dsphere(String field) {
            keys.put(field, "2dsphere");
            return this;
        }

        public Builder unique() {
            this.unique = true;
            return this;
        }

        public Builder sparse() {
            this.sparse = true;
            return this;
        }

        public StoreIndex named(String indexName) {
            this.name = indexName;
            return build();
        }

        public StoreIndex build() {
            return new StoreIndex(collection, name, keys, unique, sparse);
        }
    }
}
