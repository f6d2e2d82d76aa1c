package org.grassroots.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.grassroots.contracts.problems.ProblemType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;

import com.sun.net.httpserver.HttpServer;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

/** The guarded client keeps another service's answers apart, retries reads, and stops asking a failing service. */
class ServiceClientTest {

    record Thing(String id) {
    }

    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final HttpServer server = start();
    private final ServiceClient client = new ServiceClient("thing-service",
            new ServiceClientSettings(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                    Duration.ofSeconds(2), 2, Duration.ofMillis(10), Duration.ofSeconds(30), 4),
            new Resilience4JCircuitBreakerFactory(CircuitBreakerRegistry.ofDefaults(), TimeLimiterRegistry.ofDefaults(),
                    null, new Resilience4JConfigurationProperties()));

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void givenAThingThatExists_whenRead_thenItsBodyAndTheCallersTokenWasRelayed() {
        statuses.put("t-1", 200);

        assertThat(client.read("token-1", Thing.class, "/things/{id}", "t-1")).contains(new Thing("t-1"));
    }

    @Test
    void givenAThingThatIsNotThere_whenRead_thenEmpty() {
        statuses.put("t-2", 404);

        assertThat(client.read("token-1", Thing.class, "/things/{id}", "t-2")).isEqualTo(Optional.empty());
        assertThat(calls).hasValue(1);
    }

    @ParameterizedTest
    @CsvSource({"401, UNAUTHORIZED", "403, FORBIDDEN", "429, TOO_MANY_REQUESTS", "409, INTERNAL"})
    void givenARefusal_whenRead_thenItsKindIsKeptAndItIsNotTriedAgain(int status, ProblemType type) {
        statuses.put("t-3", status);

        ServiceCallException refused = catchThrowableOfType(ServiceCallException.class,
                () -> client.read("token-1", Thing.class, "/things/{id}", "t-3"));

        assertThat(refused.type()).isEqualTo(type);
        assertThat(refused.status()).isEqualTo(status);
        assertThat(refused.isUnavailable()).isFalse();
        assertThat(refused.getMessage()).contains("thing-service");
        assertThat(calls).hasValue(1);
    }

    @Test
    void givenAServerError_whenRead_thenTriedAgainAndThenUnavailable() {
        statuses.put("t-4", 500);

        ServiceCallException failed = catchThrowableOfType(ServiceCallException.class,
                () -> client.read("token-1", Thing.class, "/things/{id}", "t-4"));

        assertThat(failed.isUnavailable()).isTrue();
        assertThat(failed.type()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(calls).hasValue(2);
    }

    @Test
    void givenAServiceThatKeepsFailing_whenReadAgain_thenTheCircuitOpensAndItIsNoLongerAsked() {
        statuses.put("t-5", 503);
        for (int i = 0; i < 4; i++) {
            catchThrowableOfType(ServiceCallException.class, () -> client.read("token-1", Thing.class, "/things/{id}", "t-5"));
        }
        int asked = calls.get();

        ServiceCallException failed = catchThrowableOfType(ServiceCallException.class,
                () -> client.read("token-1", Thing.class, "/things/{id}", "t-5"));

        assertThat(failed.getMessage()).contains("circuit open");
        assertThat(calls).hasValue(asked);
    }

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/things/", exchange -> {
                calls.incrementAndGet();
                String id = exchange.getRequestURI().getPath().substring("/things/".length());
                int status = "Bearer token-1".equals(exchange.getRequestHeaders().getFirst("Authorization"))
                        ? statuses.getOrDefault(id, 404) : 401;
                byte[] body = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
