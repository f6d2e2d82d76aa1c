package org.grassroots.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.grassroots.gateway.routing.OpenBreakers.RouteBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.support.DefaultServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class OpenBreakersTest {

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger worked = new AtomicInteger();
    // As the gateway orders them: photo uploads (a breaker of their own) before the rest of case-service.
    private final List<Route> routes = List.of(
            route("case-service-photo-uploads", exchange -> exchange.getRequest().getMethod() == HttpMethod.POST
                    && exchange.getRequest().getPath().value().matches("/api/cases/[^/]+/attachments")),
            route("case-service", exchange -> exchange.getRequest().getPath().value().startsWith("/api/cases")),
            route("web-files", exchange -> exchange.getRequest().getPath().value().startsWith("/console")));
    private final OpenBreakers openBreakers = new OpenBreakers(registry, () -> Flux.fromIterable(routes),
            Map.of("case-service-photo-uploads", new RouteBreaker("case-service-photo-uploads", "case-service"),
                    "case-service", new RouteBreaker("case-service", "case-service")),
            Duration.ofSeconds(15), now::get, new ProblemResponseWriter(new DefaultServerCodecConfigurer()),
            new SimpleMeterRegistry());

    @Test
    void givenRoutesAsConfigured_whenTheirBreakersAreRead_thenEachNamesItsBreakerAndTheServiceOfItsFallback() {
        GatewayProperties gateway = new GatewayProperties();
        RouteDefinition written = new RouteDefinition();
        written.setId("case-service-photo-uploads");
        FilterDefinition breaker = new FilterDefinition();
        breaker.setName("CircuitBreaker");
        breaker.setArgs(Map.of("name", "case-service-photo-uploads", "fallbackUri", "forward:/fallback/case-service"));
        written.setFilters(List.of(breaker));
        RouteDefinition shortcut = new RouteDefinition();
        shortcut.setId("grid-service");
        shortcut.setFilters(List.of(new FilterDefinition("CircuitBreaker=grid-service,forward:/fallback/grid-service")));
        RouteDefinition withoutFallback = new RouteDefinition();
        withoutFallback.setId("org-service");
        withoutFallback.setFilters(List.of(new FilterDefinition("CircuitBreaker=org-service")));
        RouteDefinition withoutBreaker = new RouteDefinition();
        withoutBreaker.setId("case-changes");
        gateway.setRoutes(List.of(written, shortcut, withoutFallback, withoutBreaker));

        assertThat(OpenBreakers.breakersOf(gateway)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "case-service-photo-uploads", new RouteBreaker("case-service-photo-uploads", "case-service"),
                "grid-service", new RouteBreaker("grid-service", "grid-service"),
                "org-service", new RouteBreaker("org-service", "org-service")));
    }

    @Test
    void givenNoBreakerIsOpen_whenARequestComes_thenItGoesOnToItsWork() {
        registry.circuitBreaker("case-service");

        MockServerWebExchange exchange = call(MockServerHttpRequest.post("/api/cases"));

        assertThat(worked).hasValue(1);
        assertThat(exchange.getResponse().getStatusCode()).isNull();
    }

    @Test
    void givenItsRoutesBreakerOpened4sAgo_whenARequestComes_thenItIsAnswered503WithTheWaitLeft() {
        registry.circuitBreaker("case-service").transitionToOpenState();
        now.addAndGet(Duration.ofMillis(4_200).toNanos());

        MockServerWebExchange exchange = call(MockServerHttpRequest.post("/api/cases"));

        assertThat(worked).hasValue(0);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("11");
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"type\":\"urn:grassroots:problem:service-unavailable\"")
                .contains("case-service is unavailable; try again shortly")
                .contains("\"instance\":\"/api/cases\"");
    }

    @Test
    void givenOneRoutesBreakerIsOpen_whenRequestsForOtherRoutesCome_thenTheyGoOn() {
        registry.circuitBreaker("case-service-photo-uploads").transitionToOpenState();

        call(MockServerHttpRequest.post("/api/cases"));
        call(MockServerHttpRequest.get("/api/cases/c-1/attachments"));
        call(MockServerHttpRequest.get("/console/"));
        call(MockServerHttpRequest.get("/api/orgs/o-1"));
        MockServerWebExchange upload = call(MockServerHttpRequest.post("/api/cases/c-1/attachments"));

        assertThat(worked).hasValue(4);
        assertThat(upload.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void givenTheBreakerWentHalfOpen_whenARequestComes_thenItGoesOnAsATrialCall() {
        CircuitBreaker breaker = registry.circuitBreaker("case-service");
        breaker.transitionToOpenState();
        breaker.transitionToHalfOpenState();

        call(MockServerHttpRequest.post("/api/cases"));

        assertThat(worked).hasValue(1);
    }

    @Test
    void givenTheBreakerOpenedBeforeItWasWatched_whenARequestComes_thenItIsTurnedAway() {
        CircuitBreakerRegistry earlier = CircuitBreakerRegistry.ofDefaults();
        earlier.circuitBreaker("case-service").transitionToOpenState();
        OpenBreakers watchingLate = new OpenBreakers(earlier, () -> Flux.fromIterable(routes),
                Map.of("case-service", new RouteBreaker("case-service", "case-service")), Duration.ofSeconds(15),
                now::get, new ProblemResponseWriter(new DefaultServerCodecConfigurer()), new SimpleMeterRegistry());

        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/cases/c-1"));
        watchingLate.unlessOpen(exchange, this::work).block();

        assertThat(worked).hasValue(0);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("15");
    }

    private MockServerWebExchange call(MockServerHttpRequest.BaseBuilder<?> request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        openBreakers.unlessOpen(exchange, this::work).block();
        return exchange;
    }

    private Mono<Void> work() {
        worked.incrementAndGet();
        return Mono.empty();
    }

    private static Route route(String id, java.util.function.Predicate<org.springframework.web.server.ServerWebExchange> predicate) {
        return Route.async().id(id).uri("http://127.0.0.1:1").predicate(predicate).build();
    }
}
