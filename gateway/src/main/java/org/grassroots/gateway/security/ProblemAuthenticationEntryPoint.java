package org.grassroots.gateway.security;

import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.grassroots.gateway.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * 401 as problem details, with the RFC 6750 {@code WWW-Authenticate: Bearer} challenge. The reason a
 * token was rejected (expired, wrong signature) stays in the challenge's error code only: the
 * verifier's own message is not for callers.
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemResponseWriter problems;

    ProblemAuthenticationEntryPoint(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        String challenge = "Bearer";
        String detail = "This request needs an access token: send it as 'Authorization: Bearer <token>'";
        if (failure instanceof OAuth2AuthenticationException rejected) {
            challenge = "Bearer error=\"" + rejected.getError().getErrorCode() + "\"";
            detail = "The access token is invalid or has expired";
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange,
                Problems.of(HttpStatus.UNAUTHORIZED, detail, exchange.getRequest().getPath().value()));
    }
}
