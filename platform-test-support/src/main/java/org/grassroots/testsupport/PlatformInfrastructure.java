package org.grassroots.testsupport;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and the MongoDB-wire store that every test in this JVM shares.
 *
 * <p>Each is started the first time it is asked for and stopped by a shutdown hook, so a test
 * JVM pays the start-up once however many test classes and Spring contexts it runs. Whether they
 * are embedded or containers is decided by {@code GRASSROOTS_TEST_INFRA} (see {@link InfrastructureMode}).
 *
 * <p>Because the broker is shared, a topic holds the records of every test that ran before:
 * assert on your own aggregate ids, not on "the first record".
 */
public final class PlatformInfrastructure {

    static final String MONGO_IMAGE = "mongo:8.0";

    private static final Logger log = LoggerFactory.getLogger(PlatformInfrastructure.class);

    private static final Object KAFKA_LOCK = new Object();

    private static final Object MONGO_LOCK = new Object();

    private static final Deque<Runnable> stopActions = new ArrayDeque<>();

    private static String kafkaBootstrapServers;

    private static String mongoConnectionString;

    private static boolean shutdownHookRegistered;

    private PlatformInfrastructure() {
    }

    /** The shared broker's bootstrap address, starting the broker on first use. */
    public static String kafkaBootstrapServers() {
        synchronized (KAFKA_LOCK) {
            if (kafkaBootstrapServers == null) {
                kafkaBootstrapServers = switch (InfrastructureMode.chosen()) {
                    case EMBEDDED -> startEmbeddedKafka();
                    case CONTAINERS -> startKafkaContainer();
                };
            }
            return kafkaBootstrapServers;
        }
    }

    /**
     * The shared store's connection string without a database ({@code mongodb://host:port}),
     * starting the store on first use. Each Spring context picks its own database on it.
     */
    public static String mongoConnectionString() {
        synchronized (MONGO_LOCK) {
            if (mongoConnectionString == null) {
                mongoConnectionString = switch (InfrastructureMode.chosen()) {
                    case EMBEDDED -> startEmbeddedMongo();
                    case CONTAINERS -> startMongoContainer();
                };
            }
            return mongoConnectionString;
        }
    }

    private static String startEmbeddedKafka() {
        long started = System.nanoTime();
        EmbeddedKafkaKraftBroker broker = KafkaBrokers.startEmbedded(Map.of());
        onShutdown(broker::destroy);
        String bootstrapServers = broker.getBrokersAsString();
        log.info("Embedded Kafka broker at {} (started in {} ms)", bootstrapServers, millisSince(started));
        return bootstrapServers;
    }

    private static String startKafkaContainer() {
        long started = System.nanoTime();
        KafkaContainer kafka = KafkaBrokers.newContainer();
        kafka.start();
        onShutdown(kafka::stop);
        String bootstrapServers = kafka.getBootstrapServers();
        KafkaBrokers.createTopics(bootstrapServers);
        log.info("Kafka container at {} (started in {} ms)", bootstrapServers, millisSince(started));
        return bootstrapServers;
    }

    private static String startEmbeddedMongo() {
        long started = System.nanoTime();
        MongoServer server = new MongoServer(new IdFirstMemoryBackend());
        server.bind("127.0.0.1", 0);
        onShutdown(server::shutdownNow);
        String connectionString = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        log.info("mongo-java-server at {} (started in {} ms)", connectionString, millisSince(started));
        return connectionString;
    }

    @SuppressWarnings("resource") // stopped by the shutdown hook
    private static String startMongoContainer() {
        long started = System.nanoTime();
        // Testcontainers 2 starts a plain mongod unless asked: the replica set gives us
        // transactions and change streams like production.
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();
        mongo.start();
        onShutdown(mongo::stop);
        String connectionString = mongo.getConnectionString();
        refuseCollectionScans(connectionString);
        log.info("MongoDB container at {} (started in {} ms)", connectionString, millisSince(started));
        return connectionString;
    }

    /**
     * {@code notablescan}: the server refuses every query it could only answer by reading a whole
     * collection, so a query whose index was never declared fails the test that runs it instead of
     * passing slowly. Set on the running server rather than on its command line, which the replica
     * set container owns.
     */
    private static void refuseCollectionScans(String connectionString) {
        try (MongoClient client = MongoClients.create(connectionString)) {
            client.getDatabase("admin").runCommand(new Document("setParameter", 1).append("notablescan", 1));
        }
        log.info("MongoDB container refuses collection scans (notablescan)");
    }

    private static void onShutdown(Runnable stop) {
        synchronized (stopActions) {
            stopActions.push(stop);
            if (!shutdownHookRegistered) {
                Runtime.getRuntime().addShutdownHook(
                        new Thread(PlatformInfrastructure::stopAll, "grassroots-test-infrastructure-shutdown"));
                shutdownHookRegistered = true;
            }
        }
    }

    private static void stopAll() {
        synchronized (stopActions) {
            while (!stopActions.isEmpty()) {
                try {
                    stopActions.pop().run();
                }
                catch (RuntimeException ex) {
                    // The JVM is exiting: one server failing to stop must not keep the others running.
                    log.warn("Stopping test infrastructure failed: {}", ex.toString());
                }
            }
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
