package org.grassroots.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Gives every request a correlation id: the caller's {@code X-Correlation-Id} if it is usable, a new
 * UUID otherwise. The id goes downstream in the same header, back to the caller on the response and
 * into the log context.
 * <p>
 * A {@link WebFilter} rather than a gateway {@code GlobalFilter}: a global filter only sees routed
 * requests, while this also runs ahead of Spring Security (order -100), so a 401, 403 or 404
 * answered by the gateway itself carries the id too.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    // Ids are echoed into logs and headers: anything longer or with other characters could forge
    // log lines or bloat headers, so it is replaced rather than trusted.
    private static final Pattern USABLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String correlationId = correlationIdOf(exchange.getRequest());
        ServerWebExchange tagged = exchange.mutate()
                .request(request -> request.header(CorrelationId.HEADER, correlationId))
                .build();
        ServerHttpResponse response = tagged.getResponse();
        // Set at commit time, so it survives whatever wrote the response (a service's headers, an error handler).
        response.beforeCommit(() -> {
            response.getHeaders().set(CorrelationId.HEADER, correlationId);
            return Mono.empty();
        });
        return chain.filter(tagged).contextWrite(Context.of(CorrelationId.LOG_KEY, correlationId));
    }

    private static String correlationIdOf(ServerHttpRequest request) {
        String given = request.getHeaders().getFirst(CorrelationId.HEADER);
        if (given != null && USABLE_ID.matcher(given).matches()) {
            return given;
        }
        return UUID.randomUUID().toString();
    }
}
