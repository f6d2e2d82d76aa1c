package org.grassroots.gateway.limits;

import java.net.InetSocketAddress;

import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Limits requests per client address before the token is checked, so that a client sending bad
 * tokens in bulk is slowed as well. The address is the connection's peer: behind a proxy, set
 * {@code server.forward-headers-strategy=native} only if that proxy overwrites
 * {@code X-Forwarded-For}, or callers could pick their own address. Probes are not limited.
 */
final class ClientIpRateLimitFilter implements WebFilter, Ordered {

    /** After the correlation id, the security headers and the access log; before Spring Security (-100). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 130;

    private final RateLimiter limiter;
    private final ProblemResponseWriter problems;

    ClientIpRateLimitFilter(RateLimiter limiter, ProblemResponseWriter problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        RateLimiter.Decision decision = limiter.tryAcquire(clientAddress(exchange));
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        return TooManyRequests.answer(exchange, problems, decision.retryAfter(),
                "Too many requests from your address");
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
