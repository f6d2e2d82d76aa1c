package org.grassroots.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A Kafka broker of its own for outage tests: stop it, let the service work without Kafka,
 * restart it, and check that nothing was lost.
 *
 * <p>The bootstrap address stays the same across restarts, so a running service reconnects by
 * itself. A restart brings up a fresh broker with the platform's topics recreated empty: records
 * sent before the stop are gone, which is what an outbox test wants (what matters is what is
 * published after the restart). Open a {@link TopicProbe} after {@link #restart()}.
 *
 * <pre>{@code
 * try (RestartableKafka kafka = RestartableKafka.start()) {
 *     // point the service at kafka.bootstrapServers(), e.g. with @DynamicPropertySource
 *     kafka.stop();
 *     // ... change state while Kafka is down ...
 *     kafka.restart();
 *     try (TopicProbe probe = TopicProbe.listen(kafka.bootstrapServers(), "case-events")) { ... }
 * }
 * }</pre>
 *
 * <p>Its mode follows {@code GRASSROOTS_TEST_INFRA} like {@link PlatformInfrastructure}.
 */
public final class RestartableKafka implements AutoCloseable {

    /**
     * The listener clients use. {@link EmbeddedKafkaKraftBroker#kafkaPorts(int...)} is ignored in
     * KRaft mode (the test kit binds its own listeners to random ports), so a third listener on
     * the fixed port is added. Setting {@code listeners} replaces the kit's default, so its own
     * {@code EXTERNAL} (inter-broker) and {@code CONTROLLER} listeners are restated with port 0,
     * which the kit serves from sockets it bound in advance.
     */
    private static final String FIXED_LISTENER = "FIXED";

    private static final int KAFKA_CONTAINER_PORT = 9092;

    private final int port;

    private final boolean embedded;

    private final Thread shutdownHook = new Thread(this::stopQuietly, "restartable-kafka-shutdown");

    private volatile String bootstrapServers;

    private EmbeddedKafkaKraftBroker embeddedBroker;

    private KafkaContainer container;

    private RestartableKafka(int port, boolean embedded) {
        this.port = port;
        this.embedded = embedded;
    }

    /** Starts a broker on a free port that it keeps for its whole life. */
    public static RestartableKafka start() {
        RestartableKafka kafka = new RestartableKafka(freePort(), InfrastructureMode.chosen() == InfrastructureMode.EMBEDDED);
        kafka.startBroker();
        Runtime.getRuntime().addShutdownHook(kafka.shutdownHook);
        return kafka;
    }

    /** The same address before and after every restart. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker; clients see it as unreachable until {@link #restart()}. */
    public synchronized void stop() {
        if (embeddedBroker != null) {
            embeddedBroker.destroy();
            embeddedBroker = null;
        }
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    /** Starts a fresh broker on the same address, stopping the running one first if needed. */
    public synchronized void restart() {
        stop();
        startBroker();
    }

    /** Whether a broker is up: false between {@link #stop()} and {@link #restart()}. */
    public synchronized boolean isRunning() {
        return embeddedBroker != null || container != null;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (IllegalStateException ex) {
            // Already shutting down: the hook is running or about to, nothing left to undo.
        }
    }

    private synchronized void startBroker() {
        if (embedded) {
            embeddedBroker = KafkaBrokers.startEmbedded(Map.of(
                    "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,"
                            + FIXED_LISTENER + "://127.0.0.1:" + port,
                    "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,"
                            + FIXED_LISTENER + ":PLAINTEXT"));
            bootstrapServers = "127.0.0.1:" + port;
        }
        else {
            container = KafkaBrokers.newContainer();
            // A fixed host port: a new container would otherwise get a new mapped port.
            container.setPortBindings(List.of(port + ":" + KAFKA_CONTAINER_PORT));
            container.start();
            bootstrapServers = container.getBootstrapServers();
            KafkaBrokers.createTopics(bootstrapServers);
        }
    }

    private void stopQuietly() {
        try {
            stop();
        }
        catch (RuntimeException ex) {
            // The JVM is exiting; nothing useful to do with the failure.
        }
    }

    /**
     * A free port below the usual ephemeral range (Linux starts at 32768): while the broker is
     * down its port is unbound, and the kernel must not hand it out as the source port of some
     * client's connection, or the restart could not bind it again.
     */
    private static int freePort() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = random.nextInt(20_000, 32_000);
            if (canBind(candidate)) {
                return candidate;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("No free port for the restartable Kafka broker", ex);
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }
}
