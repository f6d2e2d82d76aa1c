package org.grassroots.gateway.security;

import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.grassroots.gateway.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** 403 as problem details: the caller is known, but may not do this. */
final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ProblemResponseWriter problems;

    ProblemAccessDeniedHandler(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, Problems.of(HttpStatus.FORBIDDEN,
                "Your access token does not allow this request", exchange.getRequest().getPath().value()));
    }
}
