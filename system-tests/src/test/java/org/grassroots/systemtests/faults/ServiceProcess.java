package org.grassroots.systemtests.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One application of the platform in a JVM of its own, started as {@code ./grassroots up} starts it:
 * {@code java -jar <module>/target/<module>-…-exec.jar} with the platform's settings in its
 * environment, its output in a log file. It can be killed with SIGKILL (a crash: no shutdown hook,
 * no graceful drain, no offset commit) and started again on the same port and database.
 */
final class ServiceProcess {

    /** The launcher's JVM options for an application: a small heap and a quick start on 2 cores. */
    static final List<String> JAVA_OPTS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    ServiceProcess(String name, Path jar, int port, Map<String, String> environment, List<String> arguments, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.arguments = arguments;
        this.log = log;
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JAVA_OPTS);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "\n===== " + Instant.now() + " fault suite starts " + name + " =====\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .directory(jar.getParent().toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitFor(process, Duration.ofSeconds(30));
        process = null;
    }

    /** SIGTERM (a graceful shutdown), SIGKILL after 30 s. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!waitFor(process, Duration.ofSeconds(30))) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(10));
        }
        process = null;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** True when the readiness probe (which includes the store) answers UP. */
    boolean ready() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl()
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void awaitReady(Duration timeout) {
        try {
            Awaitility.await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!isAlive()) {
                    throw new IllegalStateException(name + " exited while starting; see " + log + "\n" + tail());
                }
                return ready();
            });
        } catch (ConditionTimeoutException notReady) {
            throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log + "\n" + tail());
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    File logFile() {
        return log.toFile();
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
