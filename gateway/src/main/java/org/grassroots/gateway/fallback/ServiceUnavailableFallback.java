package org.grassroots.gateway.fallback;

import java.net.URI;
import java.util.Set;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.grassroots.gateway.correlation.CorrelationIdLogContext;
import org.grassroots.gateway.problem.Problems;
import org.grassroots.gateway.routing.CircuitBreakerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards when its service cannot answer (down, too slow, breaker
 * open, too many calls in flight): a 503 problem naming the service. Reached only by that internal
 * forward, which happens after security ran; a caller asking for {@code /fallback/**} is refused.
 */
@Configuration(proxyBeanMethods = false)
class ServiceUnavailableFallback {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFallback.class);

    @Bean
    RouterFunction<ServerResponse> serviceUnavailableRoutes(CircuitBreakerProperties breakers) {
        long openSeconds = Math.max(1, (breakers.waitInOpenState().toMillis() + 999) / 1000);
        // Any method: the forward keeps the caller's, so a POST that failed arrives here as a POST.
        return RouterFunctions.route(RequestPredicates.path("/fallback/{service}"),
                request -> answer(request, openSeconds));
    }

    /**
     * 503 with {@code Retry-After}, so a client (a phone in a storm, a department system) knows when
     * to come back instead of retrying at once: an open breaker's remaining wait at most, otherwise a
     * second (a full bulkhead or a slow answer clears quickly).
     */
    private static Mono<ServerResponse> answer(ServerRequest request, long openSeconds) {
        String service = request.pathVariable("service");
        String path = originalPath(request);
        CorrelationIdLogContext.logWith(request.exchange(), () -> logCause(service, request, path));
        Throwable cause = request.exchange().getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        long retryAfter = cause instanceof CallNotPermittedException ? openSeconds : 1;
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(Problems.serviceUnavailable(service, path));
    }

    private static void logCause(String service, ServerRequest request, String path) {
        Throwable cause = request.exchange().getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        // Calls turned away without trying the service (breaker open, bulkhead full) would log one
        // warning per request during an outage; the breaker's state is in the metrics instead.
        boolean turnedAway = cause instanceof CallNotPermittedException || cause instanceof BulkheadFullException;
        if (turnedAway) {
            log.debug("{} turned away {} {}: {}", service, request.method(), path, cause.toString());
        }
        else {
            log.warn("{} could not answer {} {}: {}", service, request.method(), path,
                    cause != null ? cause.toString() : "no cause recorded");
        }
    }

    private static String originalPath(ServerRequest request) {
        Set<URI> urls = request.exchange().getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        if (urls == null || urls.isEmpty()) {
            return request.path();
        }
        return urls.iterator().next().getRawPath();
    }
}
