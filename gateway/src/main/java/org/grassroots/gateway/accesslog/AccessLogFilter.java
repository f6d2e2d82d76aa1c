package org.grassroots.gateway.accesslog;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.grassroots.gateway.correlation.CorrelationIdLogContext;
import org.grassroots.gateway.security.AuthenticatedSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * One line per request, written when the response starts (its status known):
 * <pre>method=POST path=/api/cases/{id}/dispatch status=200 durationMs=14 user=8d0f… route=case-service</pre>
 * The path is a {@link PathTemplate} (no ids, no query string), the user is the token's subject (a
 * pseudonymous id, {@code -} without a checked token). Never logged: tokens, other headers, bodies,
 * query strings. The correlation id is in the line's MDC like every other line of the request.
 * Ordered before the rate limits and the token check, so 429s and 401s are logged too.
 */
@Component
class AccessLogFilter implements WebFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 120;

    private static final Logger log = LoggerFactory.getLogger(AccessLogFilter.class);

    /** nginx's code for a client that went away before the answer. */
    private static final int CLIENT_CLOSED = 499;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        AtomicBoolean logged = new AtomicBoolean();
        exchange.getResponse().beforeCommit(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            logOnce(exchange, logged, status != null ? status.value() : 200, started);
            return Mono.empty();
        });
        return chain.filter(exchange).doOnCancel(() -> logOnce(exchange, logged, CLIENT_CLOSED, started));
    }

    private static void logOnce(ServerWebExchange exchange, AtomicBoolean logged, int status, long started) {
        if (!log.isInfoEnabled() || !logged.compareAndSet(false, true)) {
            return;
        }
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        CorrelationIdLogContext.logWith(exchange, () -> log.info("method={} path={} status={} durationMs={} user={} route={}",
                exchange.getRequest().getMethod().name(),
                PathTemplate.of(exchange.getRequest().getPath().value()),
                status, durationMs,
                AuthenticatedSubject.of(exchange).orElse("-"),
                route != null ? route.getId() : "-"));
    }
}
