package org.grassroots.gateway.limits;

import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.grassroots.gateway.security.AuthenticatedSubject;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Limits API requests per user (the token's subject), whichever address they come from: one
 * person's runaway script, or a department system in a retry loop, cannot crowd out the others.
 */
final class UserRateLimitFilter implements WebFilter, Ordered {

    static final int ORDER = AuthenticatedSubject.ORDER + 10;

    private final boolean enabled;
    private final RateLimiter limiter;
    private final ProblemResponseWriter problems;

    UserRateLimitFilter(boolean enabled, RateLimiter limiter, ProblemResponseWriter problems) {
        this.enabled = enabled;
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled) {
            return chain.filter(exchange);
        }
        String subject = AuthenticatedSubject.of(exchange).orElse(null);
        if (subject == null || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        RateLimiter.Decision decision = limiter.tryAcquire(subject);
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        return TooManyRequests.answer(exchange, problems, decision.retryAfter(), "Too many requests from your account");
    }
}
