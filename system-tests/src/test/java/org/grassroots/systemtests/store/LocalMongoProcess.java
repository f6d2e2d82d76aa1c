package org.grassroots.systemtests.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * {@code deploy/local/LocalMongo.java} run as {@code ./grassroots} runs it: a file of its own, a process
 * of its own, stopped with SIGTERM. The JDK's source launcher compiles it here; the launcher runs the
 * same source compiled once into its cache.
 */
final class LocalMongoProcess implements AutoCloseable {

    private final Path file;
    private Process process;

    LocalMongoProcess(Path file) {
        this.file = file;
    }

    /** Starts the store on {@code file}, its output in {@code log}, and waits until it listens. */
    int start(Path log) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path source = checkout().resolve("deploy/local/LocalMongo.java");
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), source.toString(),
                "--port", Integer.toString(port), "--file", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Process started = process;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .failFast("LocalMongo exited, see " + log, () -> !started.isAlive())
                .until(() -> Files.readString(log).contains("LocalMongo listening"));
        return port;
    }

    /** SIGTERM: the shutdown hook closes the file, as {@code ./grassroots down} does. */
    void stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static MongoClient client(int port) {
        return MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=10000");
    }

    private static Path checkout() {
        Path module = Path.of("").toAbsolutePath();
        return Files.exists(module.resolve("grassroots")) ? module : module.getParent();
    }
}
