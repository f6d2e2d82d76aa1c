package org.grassroots.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.grassroots.gateway.problem.Problems;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The routes whose circuit breaker is open now, so that the front door can answer their requests
 * before they cost the gateway anything. An open breaker answers every call with its fallback's 503
 * without asking the service, but only at the end of the whole pipeline: the token check, the route
 * lookup, the breaker, the forward to the fallback; and, answered in a millisecond, they hardly hold
 * a place at the door, so in a storm against a cold case-service the door let in ever more of them.
 * Asked first, the door answers them with the same 503 for the price of the route lookup alone, and
 * does the lookup only while a breaker is open. In storms where the breaker opened that took about a
 * tenth off the gateway's event loops; it did not decide whether a storm passed (docs/benchmarks.md,
 * round 33).
 * <p>
 * The request's route is the gateway's own: its routes' predicates, in the gateway's order, as the
 * gateway will look it up. A route's breaker and the service its fallback names come from the
 * route's {@code CircuitBreaker} filter. Only a breaker that is {@link CircuitBreaker.State#OPEN OPEN}
 * turns requests away here; half-open, it lets its trial calls through the pipeline as before. Since
 * no call reaches an open breaker past this door, the breakers must move from open to half-open by
 * themselves when their wait is over ({@code CircuitBreakerConfiguration} turns that on).
 */
public final class OpenBreakers {

    private static final String BREAKER_FILTER = "CircuitBreaker";
    private static final String FALLBACK_PREFIX = "/fallback/";

    private final RouteLocator routes;
    /** Route id to its breaker, for the routes that have one. */
    private final Map<String, RouteBreaker> breakerOfRoute;
    private final Duration waitInOpenState;
    private final LongSupplier nanoClock;
    private final ProblemResponseWriter problems;
    /** The open breakers, each with the time (System.nanoTime) it opened. Empty almost always. */
    private final Map<String, Long> openSince = new ConcurrentHashMap<>();
    private final Counter turnedAway;

    /** One route's breaker and the service its 503 names. */
    record RouteBreaker(String breaker, String service) {
    }

    OpenBreakers(CircuitBreakerRegistry breakers, RouteLocator routes, Map<String, RouteBreaker> breakerOfRoute,
            Duration waitInOpenState, LongSupplier nanoClock, ProblemResponseWriter problems, MeterRegistry meters) {
        this.routes = routes;
        this.breakerOfRoute = Map.copyOf(breakerOfRoute);
        this.waitInOpenState = waitInOpenState;
        this.nanoClock = nanoClock;
        this.problems = problems;
        this.turnedAway = Counter.builder("grassroots.gateway.open.breaker.turned.away")
                .description("API requests answered 503 at the door because their route's circuit breaker was open")
                .register(meters);
        // The route filters make their breakers on first use: watch those made already and every later one.
        breakers.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
        breakers.getAllCircuitBreakers().forEach(this::watch);
    }

    /**
     * The breaker of every route that has one, from the routes as configured: its {@code CircuitBreaker}
     * filter's {@code name}, and the service named by its {@code fallbackUri}
     * ({@code forward:/fallback/<service>}), or the breaker's name if it has none.
     */
    static Map<String, RouteBreaker> breakersOf(GatewayProperties gateway) {
        Map<String, RouteBreaker> breakerOfRoute = new HashMap<>();
        for (RouteDefinition route : gateway.getRoutes()) {
            for (FilterDefinition filter : route.getFilters()) {
                if (!BREAKER_FILTER.equals(filter.getName())) {
                    continue;
                }
                Map<String, String> args = filter.getArgs();
                // Written out (name: ..., fallbackUri: ...) or as a shortcut (CircuitBreaker=name,fallbackUri).
                String breaker = args.getOrDefault("name", args.get("_genkey_0"));
                String fallback = args.getOrDefault("fallbackUri", args.get("_genkey_1"));
                if (breaker != null) {
                    breakerOfRoute.put(route.getId(), new RouteBreaker(breaker, serviceNamedBy(fallback, breaker)));
                }
            }
        }
        return breakerOfRoute;
    }

    private static String serviceNamedBy(String fallbackUri, String breaker) {
        if (fallbackUri == null) {
            return breaker;
        }
        String path = URI.create(fallbackUri).getSchemeSpecificPart();
        return path.startsWith(FALLBACK_PREFIX) ? path.substring(FALLBACK_PREFIX.length()) : breaker;
    }

    /**
     * The 503 its route's fallback would give if the request's route has an open breaker, otherwise
     * the request's {@code work}. While no breaker is open (almost always) the work at once, with no
     * route lookup.
     */
    public Mono<Void> unlessOpen(ServerWebExchange exchange, Supplier<Mono<Void>> work) {
        if (openSince.isEmpty()) {
            return work.get();
        }
        return routeOf(exchange)
                .map(route -> Optional.ofNullable(breakerOfRoute.get(route.getId())))
                .defaultIfEmpty(Optional.empty())
                .flatMap(breaker -> {
                    Long opened = breaker.map(RouteBreaker::breaker).map(openSince::get).orElse(null);
                    return opened != null ? turnAway(exchange, breaker.get().service(), opened) : work.get();
                });
    }

    /** The route the gateway will give the request: the first, in the gateway's order, whose predicate holds. */
    private Mono<Route> routeOf(ServerWebExchange exchange) {
        return routes.getRoutes()
                .concatMap(route -> Mono.from(route.getPredicate().apply(exchange))
                        .filter(Boolean::booleanValue)
                        .map(matches -> route), 1)
                .next();
    }

    /**
     * The fallback's answer ({@code ServiceUnavailableFallback}): 503 naming the service, with
     * {@code Retry-After} the breaker's remaining wait.
     */
    private Mono<Void> turnAway(ServerWebExchange exchange, String service, long openedAt) {
        turnedAway.increment();
        long waitLeftNanos = waitInOpenState.toNanos() - (nanoClock.getAsLong() - openedAt);
        long retryAfter = Math.max(1, (waitLeftNanos + 999_999_999) / 1_000_000_000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return problems.write(exchange, Problems.serviceUnavailable(service, exchange.getRequest().getPath().value()));
    }

    private void watch(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(this::onTransition);
        if (breaker.getState() == CircuitBreaker.State.OPEN) {
            openSince.putIfAbsent(breaker.getName(), nanoClock.getAsLong());
        }
    }

    private void onTransition(CircuitBreakerOnStateTransitionEvent event) {
        if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
            openSince.put(event.getCircuitBreakerName(), nanoClock.getAsLong());
        }
        else {
            openSince.remove(event.getCircuitBreakerName());
        }
    }
}
