package org.grassroots.gateway.frontdoor;

import java.util.function.Supplier;

import org.grassroots.gateway.accesslog.AccessLog;
import org.grassroots.gateway.correlation.CorrelationId;
import org.grassroots.gateway.headers.SecurityHeaders;
import org.grassroots.gateway.limits.Admission;
import org.grassroots.gateway.limits.ClientIpRateLimit;
import org.grassroots.gateway.routing.OpenBreakers;
import org.grassroots.gateway.warmup.WarmUp;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * What the gateway does to every request before anything else, in one filter and one commit hook
 * (each reactive stage and each {@code beforeCommit} hook costs every request; as three filters and a
 * fourth for the client's rate limit this was measurably more, docs/benchmarks.md round 6):
 * <ol>
 *   <li>the <b>correlation id</b>: the caller's {@code X-Correlation-Id} if usable, a new UUID
 *       otherwise ({@link CorrelationId#of}); it goes downstream in the same header, back to the
 *       caller on the response and into the log context;</li>
 *   <li>the <b>security headers</b> ({@link SecurityHeaders}) on the response, whoever wrote it;</li>
 *   <li>the <b>access log</b> line ({@link AccessLog}) when the response starts, or 499 when the
 *       caller goes away first;</li>
 *   <li>the <b>per-address rate limit</b> ({@link ClientIpRateLimit}, unless switched off), whose 429
 *       carries all of the above;</li>
 *   <li><b>open breakers</b> ({@link OpenBreakers}): while a route's circuit breaker is open, its
 *       requests get the breaker's 503 at once, without taking a place inside;</li>
 *   <li><b>admission</b> ({@link Admission}): beyond so many API requests inside at once, a short wait
 *       for a place or a 503 with {@code Retry-After}, before the token is checked or a service asked.</li>
 * </ol>
 * The gateway's own warm-up requests ({@link WarmUp}) skip the log line and the per-address limit.
 * The response headers are set at commit time, so they survive whatever wrote the response (a
 * service's headers, an error handler, Spring Security's 401).
 * <p>
 * A {@link WebFilter} rather than a gateway {@code GlobalFilter}: a global filter only sees routed
 * requests, while this also runs ahead of Spring Security (order -100), so a 401, 403 or 404
 * answered by the gateway itself carries the id, the headers and its log line too.
 */
@Component
public class FrontDoorFilter implements WebFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private final ClientIpRateLimit clientIpRateLimit;
    private final OpenBreakers openBreakers;
    private final Admission admission;
    private final WarmUp warmUp;

    /**
     * For its tests, any of them may be null: {@code clientIpRateLimit}, no limit per address;
     * {@code openBreakers}, no requests turned away for an open breaker; {@code admission}, no limit
     * in flight; {@code warmUp}, no warm-up requests to tell apart.
     */
    FrontDoorFilter(ClientIpRateLimit clientIpRateLimit, OpenBreakers openBreakers, Admission admission, WarmUp warmUp) {
        this.clientIpRateLimit = clientIpRateLimit;
        this.openBreakers = openBreakers;
        this.admission = admission;
        this.warmUp = warmUp;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders requestHeaders = exchange.getRequest().getHeaders();
        String correlationId = CorrelationId.of(requestHeaders);
        // The gateway's own warm-up: neither a line in the access log nor a share of the loopback address's
        // limit, and its secret goes no further than this filter.
        boolean ownWarmUp = warmUp != null && warmUp.isOwn(exchange);
        ServerWebExchange tagged = CorrelationId.carries(requestHeaders, correlationId) && !ownWarmUp ? exchange
                : exchange.mutate().request(request -> request.headers(headers -> {
                    headers.set(CorrelationId.HEADER, correlationId);
                    headers.remove(WarmUp.HEADER);
                })).build();
        OnCommit onCommit = new OnCommit(tagged, correlationId, !ownWarmUp);
        tagged.getResponse().beforeCommit(onCommit);
        Mono<Void> refusal = clientIpRateLimit != null && !ownWarmUp ? clientIpRateLimit.refusal(tagged) : null;
        Supplier<Mono<Void>> inside = () -> chain.filter(tagged);
        Supplier<Mono<Void>> admitted = admission != null ? () -> admission.admit(tagged, inside) : inside;
        Mono<Void> answer = refusal != null ? refusal
                : openBreakers != null ? openBreakers.unlessOpen(tagged, admitted) : admitted.get();
        return answer
                .doOnCancel(onCommit::clientClosed)
                .contextWrite(Context.of(CorrelationId.LOG_KEY, correlationId));
    }

    /** The one commit hook: the correlation id and security headers on the response, then the access log line. */
    private static final class OnCommit implements Supplier<Mono<Void>> {

        private final ServerWebExchange exchange;
        private final String correlationId;
        private final SecurityHeaders securityHeaders;
        private final long started = System.nanoTime();
        private boolean logged;

        OnCommit(ServerWebExchange exchange, String correlationId, boolean writesLog) {
            this.exchange = exchange;
            this.correlationId = correlationId;
            this.logged = !writesLog;
            this.securityHeaders = SecurityHeaders.forRequest(exchange.getRequest());
        }

        @Override
        public Mono<Void> get() {
            ServerHttpResponse response = exchange.getResponse();
            HttpHeaders headers = response.getHeaders();
            headers.set(CorrelationId.HEADER, correlationId);
            securityHeaders.addTo(headers);
            HttpStatusCode status = response.getStatusCode();
            logOnce(status != null ? status.value() : 200);
            return Mono.empty();
        }

        void clientClosed() {
            logOnce(AccessLog.CLIENT_CLOSED);
        }

        private void logOnce(int status) {
            boolean first;
            synchronized (this) {
                first = !logged;
                logged = true;
            }
            if (first && AccessLog.enabled()) {
                AccessLog.write(exchange, status, started);
            }
        }
    }
}
