package org.grassroots.gateway.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.grassroots.gateway.correlation.CorrelationId;
import org.grassroots.gateway.correlation.CorrelationIdLogContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;

class FrontDoorFilterTest {

    private final FrontDoorFilter filter = new FrontDoorFilter(null, null, null, null);

    private final AtomicReference<ServerWebExchange> downstream = new AtomicReference<>();

    @BeforeAll
    static void propagateContextAsTheApplicationDoes() {
        CorrelationIdLogContext.register();
        Hooks.enableAutomaticContextPropagation();
    }

    @AfterAll
    static void stopPropagatingContext() {
        Hooks.disableAutomaticContextPropagation();
    }

    @Test
    void givenNoCorrelationId_whenFiltered_thenANewUuidGoesDownstreamAndBackToTheCaller() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/cases"));

        filter.filter(exchange, this::answer).block();

        String sentDownstream = downstream.get().getRequest().getHeaders().getFirst(CorrelationId.HEADER);
        assertThat(UUID.fromString(sentDownstream)).isNotNull();
        assertThat(exchange.getResponse().getHeaders().getFirst(CorrelationId.HEADER)).isEqualTo(sentDownstream);
    }

    @Test
    void givenACorrelationId_whenFiltered_thenItIsPassedOnUnchanged() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/cases").header(CorrelationId.HEADER, "hotline-12345-7f3a"));

        filter.filter(exchange, this::answer).block();

        assertThat(downstream.get().getRequest().getHeaders().getFirst(CorrelationId.HEADER))
                .isEqualTo("hotline-12345-7f3a");
        assertThat(exchange.getResponse().getHeaders().getFirst(CorrelationId.HEADER))
                .isEqualTo("hotline-12345-7f3a");
    }

    @Test
    void givenACorrelationIdThatCouldForgeLogLines_whenFiltered_thenItIsReplaced() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/cases")
                .header(CorrelationId.HEADER, "x\tINFO forged entry"));

        filter.filter(exchange, this::answer).block();

        String sentDownstream = downstream.get().getRequest().getHeaders().getFirst(CorrelationId.HEADER);
        assertThat(UUID.fromString(sentDownstream)).isNotNull();
    }

    @Test
    void givenACorrelationId_whenTheRequestContinuesOnAnotherThread_thenTheLogContextCarriesIt() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/cases").header(CorrelationId.HEADER, "case-42"));
        AtomicReference<String> logged = new AtomicReference<>();
        AtomicReference<String> loggedOnThread = new AtomicReference<>();

        filter.filter(exchange, tagged -> Mono.delay(Duration.ofMillis(5))
                .doOnNext(tick -> {
                    logged.set(MDC.get(CorrelationId.LOG_KEY));
                    loggedOnThread.set(Thread.currentThread().getName());
                })
                .then(tagged.getResponse().setComplete()))
                .block();

        assertThat(loggedOnThread.get()).isNotEqualTo(Thread.currentThread().getName());
        assertThat(logged.get()).isEqualTo("case-42");
    }

    private Mono<Void> answer(ServerWebExchange exchange) {
        downstream.set(exchange);
        return exchange.getResponse().setComplete();
    }
}
