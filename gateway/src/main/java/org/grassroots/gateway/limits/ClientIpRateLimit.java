package org.grassroots.gateway.limits;

import java.net.InetSocketAddress;

import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Limits requests per client address before the token is checked, so that a client sending bad
 * tokens in bulk is slowed as well. Asked by the front door's filter ({@code FrontDoorFilter}) after
 * it has given the request its correlation id, security headers and access log line, before Spring
 * Security (-100). The address is the connection's peer: behind a proxy, set
 * {@code server.forward-headers-strategy=native} only if that proxy overwrites
 * {@code X-Forwarded-For}, or callers could pick their own address. Probes are not limited.
 */
public final class ClientIpRateLimit {

    private final boolean enabled;
    private final RateLimiter limiter;
    private final ProblemResponseWriter problems;

    ClientIpRateLimit(boolean enabled, RateLimiter limiter, ProblemResponseWriter problems) {
        this.enabled = enabled;
        this.limiter = limiter;
        this.problems = problems;
    }

    /** {@code null} if the request may go on; otherwise the 429 answer to send instead. */
    public Mono<Void> refusal(ServerWebExchange exchange) {
        if (!enabled || exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return null;
        }
        RateLimiter.Decision decision = limiter.tryAcquire(clientAddress(exchange));
        if (decision.allowed()) {
            return null;
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
