package org.grassroots.gateway.limits;

import java.time.Duration;

import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.grassroots.gateway.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** The 429 answer: problem details and {@code Retry-After} in whole seconds (at least 1). */
final class TooManyRequests {

    private TooManyRequests() {
    }

    static Mono<Void> answer(ServerWebExchange exchange, ProblemResponseWriter problems, Duration retryAfter,
            String detail) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(exchange, Problems.of(HttpStatus.TOO_MANY_REQUESTS,
                detail + "; try again in " + seconds + " s", exchange.getRequest().getPath().value()));
    }
}
