package org.grassroots.gateway.accesslog;

import java.util.concurrent.TimeUnit;

import org.grassroots.gateway.correlation.CorrelationIdLogContext;
import org.grassroots.gateway.security.AuthenticatedSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * One line per request, written by the front door's filter ({@code FrontDoorFilter}) when the
 * response starts (its status known), or with status 499 when the caller went away first:
 * <pre>method=POST path=/api/cases/{id}/dispatch status=200 durationMs=14 user=8d0f… route=case-service</pre>
 * The path is a {@link PathTemplate} (no ids, no query string), the user is the token's subject (a
 * pseudonymous id, {@code -} without a checked token). Never logged: tokens, other headers, bodies,
 * query strings. The correlation id is in the line's MDC like every other line of the request.
 * Written before the rate limits and the token check answer, so 429s and 401s are logged too.
 */
public final class AccessLog {

    /** nginx's code for a client that went away before the answer. */
    public static final int CLIENT_CLOSED = 499;

    /**
     * The logger's name is the one operators already filter on (README), kept from when the access
     * log was a filter of its own.
     */
    private static final Logger log = LoggerFactory.getLogger("org.grassroots.gateway.accesslog.AccessLogFilter");

    private AccessLog() {
    }

    public static boolean enabled() {
        return log.isInfoEnabled();
    }

    /** Writes the request's line; {@code started} is the {@link System#nanoTime()} it came in. */
    public static void write(ServerWebExchange exchange, int status, long started) {
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
