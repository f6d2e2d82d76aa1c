package org.grassroots.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.testcontainers.kafka.KafkaContainer;

/**
 * A Kafka broker of its own for outage tests: stop it, let the service work without Kafka,
 * restart it, and check that nothing was lost and nothing arrived twice.
 *
 * <p>Like a broker restart in production, an outage loses no data: what was written before
 * {@link #stop()} is still there after {@link #restart()}, and the broker still knows its
 * idempotent producers, so a producer's retries across the outage are not duplicated. Embedded,
 * the broker is a real Kafka process started from the jars on the test classpath, shut down
 * cleanly and started again on the same log directory; with containers, the container is paused.
 * The bootstrap address is the same throughout, so a running service reconnects by itself.
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

    private static final int KAFKA_CONTAINER_PORT = 9092;

    private final Thread shutdownHook = new Thread(this::closeQuietly, "restartable-kafka-shutdown");

    private final KafkaProcess broker;

    private final KafkaContainer container;

    private final String bootstrapServers;

    private boolean running = true;

    private boolean killedContainer;

    private RestartableKafka(KafkaProcess broker, KafkaContainer container, String bootstrapServers) {
        this.broker = broker;
        this.container = container;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on a free port that it keeps for its whole life. */
    public static RestartableKafka start() {
        return start(freePort(), freePort());
    }

    /**
     * Starts a broker on the given ports (the controller's is used by the embedded broker only), for
     * a suite that runs on ports of its own.
     */
    public static RestartableKafka start(int port, int controllerPort) {
        RestartableKafka kafka = InfrastructureMode.chosen() == InfrastructureMode.EMBEDDED
                ? startProcess(port, controllerPort) : startContainer(port);
        Runtime.getRuntime().addShutdownHook(kafka.shutdownHook);
        return kafka;
    }

    private static RestartableKafka startProcess(int port, int controllerPort) {
        try {
            KafkaProcess broker = new KafkaProcess(Files.createTempDirectory("grassroots-kafka-"), port, controllerPort);
            broker.format();
            broker.start();
            KafkaBrokers.createTopics(broker.bootstrapServers());
            return new RestartableKafka(broker, null, broker.bootstrapServers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RestartableKafka startContainer(int port) {
        KafkaContainer container = KafkaBrokers.newContainer();
        container.setPortBindings(List.of(port + ":" + KAFKA_CONTAINER_PORT));
        container.start();
        KafkaBrokers.createTopics(container.getBootstrapServers());
        return new RestartableKafka(null, container, container.getBootstrapServers());
    }

    /** The same address before and after every restart. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Takes the broker away until {@link #restart()}; its data stays. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        if (broker != null) {
            broker.stop();
        } else {
            container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
        }
        running = false;
    }

    /**
     * Kills the broker at once, without a clean shutdown (SIGKILL to its process; with containers,
     * {@code docker kill}): what it had acknowledged is on disk, what was in flight is not
     * answered. {@link #restart()} brings it back on the same address, recovering its log.
     */
    public synchronized void kill() {
        if (!running) {
            return;
        }
        if (broker != null) {
            broker.kill();
        } else {
            container.getDockerClient().killContainerCmd(container.getContainerId()).exec();
            killedContainer = true;
        }
        running = false;
    }

    /** Brings the broker back, with everything it had. */
    public synchronized void restart() {
        if (running) {
            return;
        }
        if (broker != null) {
            broker.start();
        } else if (killedContainer) {
            container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
            killedContainer = false;
        } else {
            container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
        }
        running = true;
    }

    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
        running = false;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (IllegalStateException ex) {
            // Already shutting down: the hook is running or about to, nothing left to undo.
        }
    }

    private void closeQuietly() {
        try {
            if (broker != null) {
                broker.destroy();
            } else {
                container.stop();
            }
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
