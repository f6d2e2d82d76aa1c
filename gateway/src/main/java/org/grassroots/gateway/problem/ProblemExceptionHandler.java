package org.grassroots.gateway.problem;

import java.net.ConnectException;

import org.grassroots.gateway.correlation.CorrelationIdLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * Answers the gateway's own errors (no route for the path, method not allowed, anything unexpected)
 * as problem details rather than Boot's default error JSON. Ordered before Boot's handler (-1).
 * Errors a service answers with pass through untouched: they are responses, not exceptions here.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemResponseWriter problems;

    ProblemExceptionHandler(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String path = exchange.getRequest().getPath().value();
        if (error instanceof ErrorResponse known) {
            // Headers the error calls for, such as Allow on a 405.
            exchange.getResponse().getHeaders().addAll(known.getHeaders());
            return problems.write(exchange, Problems.of(known.getStatusCode(), detailOf(known), path));
        }
        if (error instanceof ConnectException) {
            // Only routes without a circuit breaker get here (the case-change stream): the breaker's
            // fallback answers for the others.
            CorrelationIdLogContext.logWith(exchange, () -> log.warn("No service answered {} {}: {}",
                    exchange.getRequest().getMethod(), path, error.toString()));
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return problems.write(exchange, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                    "The service behind this path is unavailable; try again shortly", path));
        }
        CorrelationIdLogContext.logWith(exchange,
                () -> log.error("Unexpected error for {} {}", exchange.getRequest().getMethod(), path, error));
        // The cause stays in the log: its message may describe internals the caller should not see.
        return problems.write(exchange, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "The gateway could not complete the request", path));
    }

    private static String detailOf(ErrorResponse known) {
        String detail = known.getBody().getDetail();
        if (detail != null) {
            return detail;
        }
        if (known.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
            return "No service answers at this path";
        }
        return "The request could not be handled";
    }
}
