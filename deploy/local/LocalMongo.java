import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

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
 * <p>How it keeps documents and index keys: see {@link StoredValues}.
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
        // chunks and drop those chunks while a query that reads a collection whole (the embedded store
        // has no secondary indexes) still walks the older pages, which then fail with "Chunk N not
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
     * and the keys of every unique index (the only indexes it builds).
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

            Database(String databaseName) {
                super(databaseName, BsonH2Backend.this.getMvStore(), BsonH2Backend.this.getCursorRegistry());
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String documents = "databases." + getFullCollectionNamespace(collectionName);
                getMvStore().openMap(documents, new MVMap.Builder<Object, Object>().valueType(new StoredValues()));
                return super.openOrCreateCollection(collectionName, options);
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
                int byValue = compareValues(left, right);
                return byValue != 0 || left.equals(right) ? byValue : others.compare(left, right);
            }
            return others.compare(a, b);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }

        private static int compareValues(KeyValue left, KeyValue right) {
            int common = Math.min(left.size(), right.size());
            for (int i = 0; i < common; i++) {
                int c = VALUES.compare(left.get(i), right.get(i));
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
