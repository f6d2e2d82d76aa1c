package org.grassroots.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in a process of its own, started
 * from the Kafka jars already on the test classpath. Stopping it is a clean broker shutdown and
 * starting it again reuses its log directory, so it comes back with all its topics, records and
 * producer state: exactly what a broker restart is in production.
 */
final class KafkaProcess {

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private Process process;

    KafkaProcess(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Formats the log directory once, as {@code kafka-storage.sh format --standalone} does. */
    void format() {
        try {
            Files.writeString(directory.resolve("server.properties"), serverProperties());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run("kafka.tools.StorageTool", "format", "--cluster-id", clusterId(), "--config",
                directory.resolve("server.properties").toString(), "--standalone", "--ignore-formatted");
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        process = launch("kafka.Kafka", directory.resolve("server.properties").toString());
        // After a kill the broker first recovers its log; on a busy 2-core machine that alone has
        // taken over a minute.
        awaitPort(Duration.ofSeconds(180));
    }

    /** A clean shutdown, like {@code kafka-server-stop.sh}. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /**
     * Kills the broker with SIGKILL, as a crash or the kernel's OOM killer would: no clean
     * shutdown, no flushed segments or checkpoints. Starting it again recovers the log directory
     * the way a broker does after a crash.
     */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Stops the broker for good and removes its log directory. */
    synchronized void destroy() {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the test result is what matters.
        }
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    private String serverProperties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=" + KafkaBrokers.PARTITIONS,
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    /** Kafka's own ids never start with '-', which its command line would read as an option. */
    private static String clusterId() {
        return Uuid.randomUuid().toString();
    }

    private void run(String mainClass, String... args) {
        Process tool = launch(mainClass, args);
        try {
            if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
                throw new IllegalStateException(mainClass + " failed; see " + directory.resolve("kafka.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + mainClass, e);
        }
    }

    private Process launch(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            File log = directory.resolve("kafka.log").toFile();
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + mainClass, e);
        }
    }

    private void awaitPort(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited at start; see " + directory.resolve("kafka.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                sleep();
            }
        }
        throw new IllegalStateException("Kafka did not listen on " + port + " within " + timeout);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
