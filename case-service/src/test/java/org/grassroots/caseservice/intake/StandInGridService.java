package org.grassroots.caseservice.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for grid-service's {@code GET /api/grids/locate}, on a random port: points west of
 * 119.1°E lie in 城南社区第一网格's first micro-grid, points east of it outside every grid. It can be
 * told to fail (503) or to hang until released, and records the Authorization headers it got.
 */
public final class StandInGridService implements AutoCloseable {

    public enum Mode { UP, FAILING, HANGING }

    static final String LOCATED = """
            {"code": "32081200100100101", "name": "城南社区第一网格第1微网格", "level": "MICRO",
             "ancestors": [{"code": "320812001001001", "name": "城南社区第一网格", "level": "LEVEL_1"}],
             "communityId": "qjp-pulou-chengnan", "streetId": "qjp-pulou",
             "orgPath": "/qjp/qjp-pulou/qjp-pulou-chengnan"}
            """;

    private final HttpServer server;
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hang = new CountDownLatch(1);

    public StandInGridService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/grids/locate", this::locate);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void mode(Mode next) {
        if (next == Mode.HANGING) {
            hang = new CountDownLatch(1);
        } else {
            hang.countDown();
        }
        mode.set(next);
    }

    public int calls() {
        return calls.get();
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void locate(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        try (exchange) {
            switch (mode.get()) {
                case FAILING -> answer(exchange, 503, "{\"title\": \"Service Unavailable\"}");
                case HANGING -> {
                    try {
                        hang.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    answer(exchange, 503, "{}");
                }
                case UP -> {
                    String query = exchange.getRequestURI().getQuery();
                    double lon = Double.parseDouble(query.replaceAll(".*lon=([-0-9.]+).*", "$1"));
                    if (lon > 119.1) {
                        answer(exchange, 404, """
                                {"type": "urn:grassroots:problem:not-found", "status": 404,
                                 "detail": "No grid holds the point"}""");
                    } else {
                        answer(exchange, 200, LOCATED);
                    }
                }
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        hang.countDown();
        server.stop(0);
    }
}
