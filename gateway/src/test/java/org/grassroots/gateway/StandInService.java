package org.grassroots.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Plays one downstream service for the gateway's tests: records every request it receives and
 * answers 200 with a small JSON body naming itself, after an optional delay.
 */
final class StandInService implements AutoCloseable {

    /** What the service saw of one request. */
    record ReceivedRequest(String method, String pathAndQuery, Headers headers, byte[] body) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final String name;
    private final Duration delay;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToGo = new AtomicInteger();
    private final AtomicInteger answeringNow = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile int failureStatus;

    private StandInService(String name, Duration delay, int port) {
        this.name = name;
        this.delay = delay;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(workers);
        server.start();
    }

    static StandInService start(String name) {
        return new StandInService(name, Duration.ZERO, 0);
    }

    static StandInService startAnsweringAfter(String name, Duration delay) {
        return new StandInService(name, delay, 0);
    }

    /** Starts listening at {@code url}, one from {@link #unusedUrl()}: a service that was down comes back. */
    static StandInService startAt(String name, String url) {
        return new StandInService(name, Duration.ZERO, URI.create(url).getPort());
    }

    /** A URL where nothing listens: a service that is down. */
    static String unusedUrl() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + probe.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    /** The most requests it was answering at the same time. */
    int mostAtOnce() {
        return mostAtOnce.get();
    }

    void forget() {
        received.clear();
        failuresToGo.set(0);
    }

    /** The next {@code count} requests are answered with {@code status} and an empty body, as a failing instance would. */
    void failNext(int count, int status) {
        failureStatus = status;
        failuresToGo.set(count);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] content = body.readAllBytes();
            Headers headers = new Headers();
            headers.putAll(exchange.getRequestHeaders());
            received.add(new ReceivedRequest(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
                    content));
            mostAtOnce.accumulateAndGet(answeringNow.incrementAndGet(), Math::max);
            try {
                pause();
            }
            finally {
                answeringNow.decrementAndGet();
            }
            if (failuresToGo.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                exchange.sendResponseHeaders(failureStatus, -1);
                return;
            }
            byte[] json = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, json.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(json);
            }
        }
    }

    private void pause() {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        }
        catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
