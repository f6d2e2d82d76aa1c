package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.grassroots.testsupport.TestTokenIssuer;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The case-change stream through the gateway, in front of a stand-in case-service that writes one
 * event, waits until the test lets it go on, writes a second and ends. The circuit breaker's time
 * limit is 1 s here and the per-user burst is 2 requests: neither may cut a stream, and each event
 * must reach the caller as it is written, not when the stream ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "grassroots.gateway.circuit-breaker.timeout=1s", "grassroots.gateway.rate-limit.per-user.capacity=2",
        "grassroots.gateway.rate-limit.per-user.refill-per-second=0.1"})
class GatewayEventStreamIT {

    static final StreamingCaseService CASE_SERVICE = new StreamingCaseService();

    @DynamicPropertySource
    static void pointTheGatewayAtTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("CASE_SERVICE_URL", CASE_SERVICE::url);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokenIssuer::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokenIssuer::jwkSetUri);
    }

    @AfterAll
    static void stopTheStandIn() {
        CASE_SERVICE.close();
    }

    @LocalServerPort
    int port;

    @Test
    void givenAChangeStream_whenEventsAreWritten_thenEachArrivesAsWrittenAndTheStreamOutlivesTheBreakersTimeLimit() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/changes"))
                .header("Authorization", TestTokens.user("dispatcher-1").roles("community_staff").bearer())
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(response.body(), lines));
        reader.setDaemon(true);
        reader.start();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("data: {\"caseId\":\"one\"}"));
        assertThat(lines).doesNotContain("data: {\"caseId\":\"two\"}");

        // Well past the breaker's 1 s time limit, the stream is still open and the next event arrives.
        CASE_SERVICE.goOnAfter(Duration.ofMillis(2500));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("data: {\"caseId\":\"two\"}"));
        reader.join(Duration.ofSeconds(5).toMillis());
        assertThat(String.join("\n", lines)).doesNotContain("service-unavailable");
        assertThat(CASE_SERVICE.requests()).isEqualTo(1);
    }

    private static void readLines(InputStream body, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ended) {
            // The stream ended.
        }
    }

    /** A case-service that streams two events with a pause the test controls in between. */
    static final class StreamingCaseService implements AutoCloseable {

        private final HttpServer server;
        private final CountDownLatch goOn = new CountDownLatch(1);
        private final java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private volatile int requests;

        StreamingCaseService() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/api/cases/changes", this::stream);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int requests() {
            return requests;
        }

        void goOnAfter(Duration pause) {
            timer.schedule(goOn::countDown, pause.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void stream(HttpExchange exchange) throws IOException {
            requests++;
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("event: case-changed\ndata: {\"caseId\":\"one\"}\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (!goOn.await(30, TimeUnit.SECONDS)) {
                    return;
                }
                out.write("event: case-changed\ndata: {\"caseId\":\"two\"}\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
            goOn.countDown();
            server.stop(0);
        }
    }
}
