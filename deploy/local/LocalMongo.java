import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;

/**
 * The local platform's MongoDB: mongo-java-server (wire-compatible) over an H2 MVStore file, so
 * what the services store survives a restart of {@code ./grassroots}.
 *
 * <p>Run with the JDK's source launcher on the classpath of {@code deploy/local/mongo/pom.xml}:
 * <pre>java -cp &lt;classpath&gt; deploy/local/LocalMongo.java --port 27017 --file data/mongo.mv.db</pre>
 *
 * <p>Options: {@code --port} (default 27017), {@code --file} (required), {@code --host}
 * (default 127.0.0.1: nothing outside this machine should reach a development store).
 *
 * <p>Durability: MVStore commits changes in the background about once a second; on SIGTERM or
 * Ctrl-C the shutdown hook stops accepting connections and closes the store, which writes the last
 * changes, leaves the file consistent and compacts it. A SIGKILL loses at most the last second of
 * writes.
 *
 * <p>How it keeps documents and index keys: see {@link StoredValues}; the indexes it builds besides
 * mongo-java-server's unique ones: see {@link SecondaryIndex}.
 */
public class LocalMongo {

    private static final int COMPACTION_MILLIS = 3000;

    public static void main(String[] args) throws Exception {
        quietLogging();
        String host = "127.0.0.1";
        int port = 27017;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--file" -> file = args[++i];
                default -> usage("unknown option " + args[i]);
            }
        }
        if (file == null) {
            usage("--file is required");
        }
        Path path = Path.of(file).toAbsolutePath();
        Files.createDirectories(path.getParent());

        // No compaction while serving: MVStore's background writer would move live pages out of sparse
        // chunks and drop those chunks while a query that reads a collection whole (one no index
        // serves) still walks the older pages, which then fail with "Chunk N not
        // found" (docs/benchmarks.md, rounds 7 and 9). The file grows while serving instead, and is
        // compacted here, before the first client, and on a clean stop: each for a few seconds at most.
        MVStore store = new MVStore.Builder().fileName(path.toString()).autoCompactFillRate(0).open();
        store.compactFile(COMPACTION_MILLIS);
        store.setAutoCommitDelay(1000); // the most a crash can lose, in ms
        MongoServer server = new MongoServer(new BsonH2Backend(store));
        server.bind(host, port);
        System.out.printf("LocalMongo listening on %s:%d, data in %s%n", host, port, path);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("LocalMongo shutting down, closing " + path);
            try {
                server.shutdown(); // closes client connections and the backend
            } finally {
                if (!store.isClosed()) {
                    // Commits what is pending (the file stays consistent), then compacts.
                    store.close(COMPACTION_MILLIS);
                }
                System.out.println("LocalMongo stopped");
                stopped.countDown();
            }
        }, "local-mongo-shutdown"));
        stopped.await();
    }

    /**
     * slf4j-simple reads these once, when the first logger is made: set them before that. Every
     * health probe of the launcher is a connection; "client connected" lines would drown the log.
     */
    private static void quietLogging() {
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire", "warn");
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: LocalMongo --file <mvstore file> [--port 27017] [--host 127.0.0.1]");
        System.exit(2);
    }

    /**
     * mongo-java-server's H2 backend, with {@link StoredValues} for the documents of every collection
     * and the keys of every unique index, and a {@link SecondaryIndex} for every other index.
     */
    static final class BsonH2Backend extends H2Backend {

        BsonH2Backend(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new Database(databaseName);
        }

        /**
         * Opens each map with its types before H2Database does: H2's {@code openMap(name)} then finds it
         * open and uses it as it is. An inner class, because H2Database's constructor already opens the
         * collections, before a field of this class could be set; the enclosing backend is set first.
         */
        final class Database extends H2Database {

            /**
             * The collections opened so far. No initializer: the superclass's constructor opens the
             * collections (and fills this) before an initializer would run, and would then empty it.
             */
            private List<String> opened;

            Database(String databaseName) {
                super(databaseName, BsonH2Backend.this.getMvStore(), BsonH2Backend.this.getCursorRegistry());
                if (opened != null) { // fill the secondary indexes now, before the first client connects
                    long started = System.nanoTime();
                    long documents = 0;
                    for (String name : opened) {
                        documents += SecondaryIndex.fill(resolveCollection(name, true), documentsOf(name));
                    }
                    if (documents > 0) {
                        System.out.printf("LocalMongo: the secondary indexes of %s filled from %d documents in %d ms%n",
                                databaseName, documents, (System.nanoTime() - started) / 1_000_000);
                    }
                }
            }

            /**
             * findAndModify, answered with a copy of the document taken under the collection's lock.
             * mongo-java-server applies an update to the stored document in place and answers with
             * that very object, which is encoded for the wire only after the lock is let go: a
             * concurrent update to the same document could change it in between, and two counters
             * taken at once ({@code $inc} with {@code new: true}) were answered with the same value
             * while the counter itself counted right (7 to 45 of 2,400 per round, eight at a time).
             */
            @Override
            public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                                          Oplog oplog) {
                if (!command.equalsIgnoreCase("findAndModify") || !(query.get(command) instanceof String name)) {
                    return super.handleCommand(channel, command, query, resolver, oplog);
                }
                MongoCollection<Object> collection = Boolean.TRUE.equals(query.get("upsert"))
                        ? resolveOrCreateCollection(name) // as the command itself would, before its lock
                        : resolveCollection(name, false);
                if (collection == null) { // no collection, no document to answer with
                    return super.handleCommand(channel, command, query, resolver, oplog);
                }
                synchronized (collection) { // the lock each of its writes takes
                    return copyValue(super.handleCommand(channel, command, query, resolver, oplog));
                }
            }

            private static Document copyValue(Document reply) {
                if (reply.get("value") instanceof Document value) {
                    reply.put("value", value.cloneDeeply());
                }
                return reply;
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                getMvStore().openMap(documentsMapName(collectionName),
                        new MVMap.Builder<Object, Object>().valueType(new StoredValues()));
                if (opened == null) {
                    opened = new ArrayList<>();
                }
                opened.add(collectionName);
                // What H2Database makes, as an IdFirstCollection; "meta." is H2Database's own prefix.
                String namespace = getFullCollectionNamespace(collectionName);
                return new IdFirstCollection(this, collectionName, options,
                        getMvStore().openMap(documentsMapName(collectionName)), getMvStore().openMap("meta." + namespace),
                        BsonH2Backend.this.getCursorRegistry());
            }

            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                               List<IndexKey> keys, boolean sparse) {
                if (!SecondaryIndex.canIndex(keys)) {
                    return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
                }
                return new SecondaryIndex(indexName, keys, sparse,
                        () -> resolveCollection(collectionName, true), () -> documentsOf(collectionName));
            }

            private MVMap<Object, Object> documentsOf(String collectionName) {
                return getMvStore().openMap(documentsMapName(collectionName));
            }

            private String documentsMapName(String collectionName) {
                return "databases." + getFullCollectionNamespace(collectionName);
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
                String name = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
                StoredValues keyType = new StoredValues();
                MVMap<Object, Object> index = getMvStore().openMap(name, new MVMap.Builder<Object, Object>().keyType(keyType));
                reorderIfNeeded(name, index, keyType);
                return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            }
        }

        /**
         * A store written before {@link StoredValues} ordered its index keys by their Java-serialized
         * bytes. A binary search in the new order would miss keys there, so an index whose entries are
         * not in the new order is rebuilt, once, before the first client connects.
         */
        private static void reorderIfNeeded(String name, MVMap<Object, Object> index, StoredValues keyType) {
            Object previous = null;
            boolean ordered = true;
            for (Object key : index.keySet()) { // walks the pages as stored, comparing nothing
                if (previous != null && keyType.compare(previous, key) >= 0) {
                    ordered = false;
                    break;
                }
                previous = key;
            }
            if (ordered) {
                return;
            }
            List<Map.Entry<Object, Object>> entries = new ArrayList<>();
            index.entrySet().forEach(entry -> entries.add(Map.entry(entry.getKey(), entry.getValue())));
            index.clear();
            entries.forEach(entry -> index.put(entry.getKey(), entry.getValue()));
            System.out.printf("LocalMongo: index %s put in key order (%d entries), once%n", name, entries.size());
        }
    }

    /**
     * A collection that answers a query naming one {@code _id} (or a list of them) from the {@code _id}
     * index, whatever else the query asks, as MongoDB does: {@code {_id, version}},
     * {@code {_id, outboxLease: null}}. mongo-java-server uses an index only when its fields are
     * exactly the query's, and would otherwise read every document of the collection. The documents
     * found are matched against the whole query, as every document would have been.
     */
    static final class IdFirstCollection extends H2Collection {

        IdFirstCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> documents,
                          MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, documents, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document projection) {
            if (query.size() > 1 && query.containsKey("_id")) {
                Document byId = new Document("_id", query.get("_id"));
                for (Index<Object> index : getIndexes()) {
                    if (index.getKeys().size() == 1 && "_id".equals(index.getKeys().get(0).getKey())
                            && index.canHandle(byId)) {
                        return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize, projection);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
        }
    }

    /**
     * An index mongo-java-server does not build: one that is not unique. Without it, every query that
     * is not on a unique index's exact fields reads the whole collection, under the collection's lock:
     * with 60,000 cases the outbox relay's and the SLA scanner's timed scans held {@code cases} for one
     * to three seconds each, and reports waited behind them (docs/benchmarks.md, rounds 12 to 14).
     *
     * <p>Kept in memory, ordered by the index's first field only, and filled from the documents when
     * the store opens (or when the index is made, at its first use). It only narrows a query down:
     * where a query holds that field to a value, to one of a list of values, to all of a list of values,
     * to a range of dates, or to existing, the documents with such a value are the candidates, and
     * mongo-java-server matches each against the whole query, as it matched every document before.
     * Any other query reads the whole collection, as before; so does a query on {@code _id}, which
     * the unique indexes answer where they can, as MongoDB would.
     *
     * <p>A document without the field has no entry, sparse index or not: none of those queries can
     * match it. A document's position is its {@code _id}: H2Collection keys its documents by it.
     */
    static final class SecondaryIndex extends Index<Object> {

        private static final Pattern ARRAY_POSITION = Pattern.compile("\\d+");
        /** Every entry: the range asked for by {@code $exists}. */
        private static final Range EVERY = new Range(null, true, null, true);

        private final String[] path;
        private final Supplier<MongoCollection<?>> collection;
        private final Supplier<MVMap<Object, Object>> documents;
        /**
         * Each value the field holds, with the position of the one document holding it or the
         * {@link Positions} of several. One tree walk finds a value's place whether it is new or not,
         * and documents holding the same value (a status, a term) share one key.
         */
        private final NavigableMap<Object, Object> entries = new TreeMap<>(StoredValues::compareValues);
        /** How many (value, position) pairs the index holds. */
        private long count;
        private volatile boolean filled;

        SecondaryIndex(String name, List<IndexKey> keys, boolean sparse,
                       Supplier<MongoCollection<?>> collection,
                       Supplier<MVMap<Object, Object>> documents) {
            super(name, keys, sparse);
            this.path = keys.get(0).getKey().split("\\.");
            this.collection = collection;
            this.documents = documents;
        }

        /** A path through array positions ({@code a.0.b}) is left to the whole-collection read. */
        static boolean canIndex(List<IndexKey> keys) {
            for (String step : keys.get(0).getKey().split("\\.")) {
                if (ARRAY_POSITION.matcher(step).matches()) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Fills the collection's secondary indexes that are not filled yet, in one pass over its
         * documents. Under the collection's lock, which every write to it holds too.
         *
         * @return how many documents were read
         */
        static long fill(MongoCollection<?> collection, MVMap<Object, Object> documents) {
            synchronized (collection) {
                List<SecondaryIndex> unfilled = new ArrayList<>();
                for (Index<?> index : collection.getIndexes()) {
                    if (index instanceof SecondaryIndex secondary && !secondary.filled) {
                        unfilled.add(secondary);
                    }
                }
                if (unfilled.isEmpty()) {
                    return 0;
                }
                long read = 0;
                for (Map.Entry<Object, Object> stored : documents.entrySet()) {
                    for (SecondaryIndex index : unfilled) {
                        index.addValues((Document) stored.getValue(), stored.getKey());
                    }
                    read++;
                }
                unfilled.forEach(index -> index.filled = true);
                return read;
            }
        }

        private void fillIfNeeded() {
            if (!filled) {
                fill(collection.get(), documents.get());
            }
        }

        @Override
        public boolean canHandle(Document query) {
            return !hasIdCondition(query) && candidateRanges(query) != null;
        }

        @Override
        public Iterable<Object> getPositions(Document query) {
            fillIfNeeded();
            List<Range> ranges = candidateRanges(query);
            Set<Object> positions = new LinkedHashSet<>();
            synchronized (this) {
                for (Range range : ranges) {
                    Map<Object, Object> found = range == EVERY ? entries
                            : entries.subMap(range.from(), range.fromInclusive(), range.to(), range.toInclusive());
                    for (Object held : found.values()) {
                        if (held instanceof Positions several) {
                            positions.addAll(several);
                        } else {
                            positions.add(held);
                        }
                    }
                }
            }
            return new ArrayList<>(positions);
        }

        @Override
        public void add(Document document, Object position, MongoCollection<Object> collection) {
            fillIfNeeded();
            addValues(document, position);
        }

        @Override
        public Object remove(Document document) {
            fillIfNeeded();
            Object position = document.get("_id");
            Set<Object> values = valuesOf(document);
            synchronized (this) {
                values.forEach(value -> remove(value, position));
            }
            if (position == null && !isSparse()) {
                throw new IllegalStateException("a document without _id in index " + getName());
            }
            return position;
        }

        @Override
        public void updateInPlace(Document before, Document after, Object position, MongoCollection<Object> collection) {
            fillIfNeeded();
            Set<Object> old = valuesOf(before);
            Set<Object> current = valuesOf(after);
            synchronized (this) {
                for (Object value : old) {
                    if (!current.contains(value)) {
                        remove(value, position);
                    }
                }
                for (Object value : current) {
                    if (!old.contains(value)) {
                        add(value, position);
                    }
                }
            }
        }

        @Override
        public Object getPosition(Document document) {
            return null; // not unique: no document is found by its key alone
        }

        @Override
        public void checkAdd(Document document, MongoCollection<Object> collection) {
        }

        @Override
        public void checkUpdate(Document before, Document after, MongoCollection<Object> collection) {
        }

        /** Never empty to mongo-java-server, so that it does not fill the index itself: {@link #fill} does. */
        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public synchronized long getCount() {
            return count;
        }

        @Override
        public synchronized long getDataSize() {
            return count * 64L; // roughly what an entry takes in memory
        }

        @Override
        public synchronized void drop() {
            entries.clear();
            count = 0;
        }

        private void addValues(Document document, Object position) {
            Set<Object> values = valuesOf(document);
            synchronized (this) {
                values.forEach(value -> add(value, position));
            }
        }

        /** Under this index's lock. */
        private void add(Object value, Object position) {
            Object held = entries.putIfAbsent(value, position);
            if (held == null) {
                count++;
            } else if (held instanceof Positions several) {
                if (several.add(position)) {
                    count++;
                }
            } else if (!held.equals(position)) {
                entries.put(value, new Positions(held, position));
                count++;
            }
        }

        /** Under this index's lock. A value's {@link Positions}, once made, stay until it has none. */
        private void remove(Object value, Object position) {
            Object held = entries.get(value);
            if (held instanceof Positions several) {
                if (several.remove(position)) {
                    count--;
                    if (several.isEmpty()) {
                        entries.remove(value);
                    }
                }
            } else if (held != null && held.equals(position)) {
                entries.remove(value);
                count--;
            }
        }

        /**
         * The values the document holds at the path, each once: through arrays of documents, and each
         * element of an array at its end (an empty array as itself); none if the path is missing.
         */
        private Set<Object> valuesOf(Document document) {
            Set<Object> values = new TreeSet<>(StoredValues::compareValues);
            collect(document, 0, values);
            return values;
        }

        private void collect(Object value, int step, Set<Object> into) {
            if (step == path.length) {
                if (value instanceof List<?> list && !list.isEmpty()) {
                    into.addAll(list);
                } else {
                    into.add(value);
                }
            } else if (value instanceof Document document) {
                if (document.containsKey(path[step])) {
                    collect(document.get(path[step]), step + 1, into);
                }
            } else if (value instanceof List<?> list) {
                list.forEach(element -> collect(element, step, into));
            }
        }

        private static boolean hasIdCondition(Document query) {
            if (query.containsKey("_id")) {
                return true;
            }
            return query.get("$and") instanceof List<?> terms
                    && terms.stream().anyMatch(term -> term instanceof Document document && hasIdCondition(document));
        }

        /**
         * The ranges of values whose documents hold every document the query can match, or null if the
         * query does not hold the indexed field in a way this index can narrow down.
         */
        private List<Range> candidateRanges(Document query) {
            Object condition = query.get(getKeys().get(0).getKey());
            List<Range> ranges = condition == null && !query.containsKey(getKeys().get(0).getKey())
                    ? null : rangesFor(condition);
            if (ranges == null && query.get("$and") instanceof List<?> terms) {
                for (Object term : terms) {
                    if (term instanceof Document document && (ranges = candidateRanges(document)) != null) {
                        break;
                    }
                }
            }
            return ranges;
        }

        private List<Range> rangesFor(Object condition) {
            if (isPlainValue(condition)) {
                return List.of(Range.of(condition));
            }
            if (!(condition instanceof Document operators) || operators.isEmpty()
                    || !operators.keySet().iterator().next().startsWith("$")) {
                return null;
            }
            if (isPlainValue(operators.get("$eq"))) {
                return List.of(Range.of(operators.get("$eq")));
            }
            if (operators.get("$in") instanceof List<?> values && values.stream().allMatch(SecondaryIndex::isPlainValue)) {
                return values.stream().map(Range::of).toList();
            }
            if (operators.get("$all") instanceof List<?> values && !values.isEmpty() && isPlainValue(values.get(0))) {
                return List.of(Range.of(values.get(0))); // a document holding all of them holds the first
            }
            List<Range> dates = dateRange(operators);
            if (dates != null) {
                return dates;
            }
            Object exists = operators.get("$exists");
            if (Boolean.TRUE.equals(exists) || exists instanceof Number n && n.doubleValue() != 0) {
                return List.of(EVERY); // the entries are exactly the documents that have the field
            }
            return null;
        }

        /**
         * {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte} on dates: among dates only, as MongoDB
         * compares; no range at all when the bounds leave nothing between them.
         */
        private static List<Range> dateRange(Document operators) {
            Range range = new Range(Instant.MIN, true, Instant.MAX, true);
            boolean bounded = false;
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                if (!(operator.getValue() instanceof Instant at)) {
                    continue;
                }
                switch (operator.getKey()) {
                    case "$gt" -> range = new Range(at, false, range.to(), range.toInclusive());
                    case "$gte" -> range = new Range(at, true, range.to(), range.toInclusive());
                    case "$lt" -> range = new Range(range.from(), range.fromInclusive(), at, false);
                    case "$lte" -> range = new Range(range.from(), range.fromInclusive(), at, true);
                    default -> {
                        continue;
                    }
                }
                bounded = true;
            }
            if (!bounded) {
                return null;
            }
            int order = StoredValues.compareValues(range.from(), range.to());
            boolean empty = order > 0 || order == 0 && !(range.fromInclusive() && range.toInclusive());
            return empty ? List.of() : List.of(range);
        }

        /** A value equality can look up: not null, an array, a document, a pattern or anything unusual. */
        private static boolean isPlainValue(Object value) {
            return value instanceof String || value instanceof Boolean || value instanceof Instant
                    || value instanceof ObjectId
                    || value instanceof Number number && !Double.isNaN(number.doubleValue());
        }

        /** The values from one bound to the other, each included or not. */
        private record Range(Object from, boolean fromInclusive, Object to, boolean toInclusive) {

            static Range of(Object value) {
                return new Range(value, true, value, true);
            }
        }

        /**
         * The positions of the documents holding one value, when there are more than one, in the order
         * they came. A hash set: a status, or a field most documents lack, holds most of a collection,
         * and a tree of them took a walk of some twenty steps for every insert (docs/benchmarks.md,
         * round 27). A position is the document's own {@code _id}, the very object H2Collection keys it
         * by: one document's positions are always equal in Java, two documents' never (ids that are
         * equal in Java are equal to MongoDB, which keeps a collection's ids unique).
         */
        private static final class Positions extends LinkedHashSet<Object> {

            Positions(Object first, Object second) {
                add(first);
                add(second);
            }
        }
    }

    /**
     * How the store keeps documents and index keys: as BSON, compared by value. H2's default type
     * writes anything it does not know with Java serialization, and compares two such keys by
     * serializing both; a report's inserts and updates spent most of the store's CPU there (docs/
     * benchmarks.md, round 13). A BSON document is read and written about five times faster and is a
     * third smaller.
     *
     * <p>Index keys are compared value by value as mongo-java-server compares values, and by H2's
     * own order where those are equal but the keys are not. A key is written as BSON only when it
     * reads back equal; anything else (a missing field, say) is left to H2's type, which also reads
     * everything a store written before this holds.
     */
    static final class StoredValues extends BasicDataType<Object> {

        /** Before a BSON document; H2's own type tags end at 119. */
        private static final byte DOCUMENT = 120;
        /** Before an index key: a BSON document whose one field holds the key's values. */
        private static final byte INDEX_KEY = 121;
        private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

        private final ObjectDataType others = new ObjectDataType();
        /** What the page cache counts a document as: the mean of the sizes written and read, as H2 does. */
        private volatile int averageDocumentSize = 1000;

        @Override
        public int getMemory(Object value) {
            return value instanceof Document ? averageDocumentSize : others.getMemory(value);
        }

        @Override
        public void write(WriteBuffer buffer, Object value) {
            ByteBuf bson = null;
            if (value instanceof Document document) {
                bson = encode(document);
                if (bson != null) {
                    buffer.put(DOCUMENT);
                    noteSize(bson.readableBytes());
                }
            } else if (value instanceof KeyValue key) {
                bson = encode(new Document("k", key.stream().toList()));
                if (bson != null && key.equals(keyOf(BsonDecoder.decodeBson(bson.duplicate())))) {
                    buffer.put(INDEX_KEY);
                } else {
                    bson = null;
                }
            }
            if (bson == null) {
                others.write(buffer, value);
            } else {
                buffer.put(bson.nioBuffer());
            }
        }

        @Override
        public Object read(ByteBuffer buffer) {
            byte tag = buffer.get(buffer.position());
            if (tag != DOCUMENT && tag != INDEX_KEY) {
                return others.read(buffer);
            }
            buffer.get();
            ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
            Document document = BsonDecoder.decodeBson(bson);
            buffer.position(buffer.position() + bson.readerIndex());
            if (tag == INDEX_KEY) {
                return keyOf(document);
            }
            noteSize(bson.readerIndex());
            return document;
        }

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue left && b instanceof KeyValue right) {
                int byValue = compareKeys(left, right);
                return byValue != 0 || left.equals(right) ? byValue : others.compare(left, right);
            }
            return others.compare(a, b);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }

        /**
         * mongo-java-server's order of two values. Text and dates, which most keys here are, are
         * compared straight away, as its comparator compares them once it has looked their types up.
         */
        static int compareValues(Object a, Object b) {
            if (a instanceof String left && b instanceof String right) {
                return left.compareTo(right);
            }
            if (a instanceof Instant left && b instanceof Instant right) {
                return left.compareTo(right);
            }
            return VALUES.compare(a, b);
        }

        private static int compareKeys(KeyValue left, KeyValue right) {
            int common = Math.min(left.size(), right.size());
            for (int i = 0; i < common; i++) {
                int c = compareValues(left.get(i), right.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(left.size(), right.size());
        }

        /** The document as BSON, or null if it holds a value BSON has no type for. */
        private static ByteBuf encode(Document document) {
            ByteBuf bson = Unpooled.buffer();
            try {
                BsonEncoder.encodeDocument(document, bson);
                return bson;
            } catch (RuntimeException notBson) {
                return null;
            }
        }

        private static KeyValue keyOf(Document document) {
            return new KeyValue((List<?>) document.get("k"));
        }

        private void noteSize(int size) {
            averageDocumentSize = (size + 15 * averageDocumentSize) / 16;
        }
    }
}
