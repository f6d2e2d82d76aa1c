package org.grassroots.gateway.security;

import java.security.Principal;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Notes the checked token's subject ({@code sub}, Keycloak's user id) on the exchange, so that
 * filters outside Spring Security's chain (the access log, the per-user rate limit) can name the
 * caller without reading the token again. Runs right after security (order -100); the subject is a
 * pseudonymous id, never a name.
 */
@Component
public class AuthenticatedSubject implements WebFilter, Ordered {

    public static final int ORDER = -90;

    private static final String ATTRIBUTE = AuthenticatedSubject.class.getName();

    /** The subject of the request's token, once the token has been checked. */
    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .doOnNext(subject -> exchange.getAttributes().put(ATTRIBUTE, subject))
                .then(chain.filter(exchange));
    }
}
