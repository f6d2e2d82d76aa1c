import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

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
        MongoServer server = new MongoServer(new H2Backend(store));
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
}
