package org.grassroots.gateway.headers;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Security headers on every response the gateway sends, whoever wrote it: a service, the fallback,
 * a 401 from the token check or a 429 from a rate limit (which answer before Spring Security's own
 * header writer would run, so that one is switched off and this is the one place).
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}: browsers take JSON as JSON.</li>
 *   <li>{@code X-Frame-Options: DENY} and CSP {@code frame-ancestors 'none'}: no page may frame the API
 *       or the Swagger UI (click-jacking).</li>
 *   <li>{@code Referrer-Policy: no-referrer}: paths with case ids do not leak to other sites.</li>
 *   <li>{@code Strict-Transport-Security} when the request came over HTTPS.</li>
 *   <li>{@code Cache-Control: no-store} unless the service said otherwise: API answers hold personal
 *       and case data that no shared or browser cache should keep. The Swagger UI's static files
 *       are left cacheable.</li>
 * </ul>
 * Set at commit time and only where absent, so a service's own stricter value stands.
 */
@Component
public class SecurityHeadersFilter implements WebFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 110;

    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean https = "https".equalsIgnoreCase(request.getURI().getScheme()) || request.getSslInfo() != null;
        boolean staticAsset = isStaticAsset(request.getPath().value());
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
            setIfAbsent(headers, "X-Frame-Options", "DENY");
            setIfAbsent(headers, "Content-Security-Policy", "frame-ancestors 'none'");
            setIfAbsent(headers, "Referrer-Policy", "no-referrer");
            if (https) {
                setIfAbsent(headers, "Strict-Transport-Security", HSTS);
            }
            if (!staticAsset) {
                setIfAbsent(headers, HttpHeaders.CACHE_CONTROL, "no-store");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static boolean isStaticAsset(String path) {
        return path.startsWith("/webjars/") || path.startsWith("/swagger-ui/");
    }

    private static void setIfAbsent(HttpHeaders headers, String name, String value) {
        if (!headers.containsHeader(name)) {
            headers.set(name, value);
        }
    }
}
