package org.grassroots.gateway.limits;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.grassroots.gateway.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * At most {@code maxInFlight} API requests inside the gateway at once; the next is answered 503 with
 * {@code Retry-After} at once, before its token is checked or a service is asked. In a storm (a flood
 * brings thousands of reports in minutes) a request that waits behind hundreds of others is answered
 * only after the caller has given up; one turned away at the door is answered in a millisecond, and
 * the phone can say "busy, try again in two seconds" and keep the report.
 * <p>
 * Asked by the front door's filter ({@code FrontDoorFilter}) first of all. Not counted: the probes
 * and the web files (cheap, and never a service's work), event streams (open for hours, they would
 * hold a place for good) and photo uploads (they wait on the phone's network, not on the platform).
 * The per-route bulkheads behind it still bound each service.
 */
public final class Admission {

    private final int maxInFlight;
    private final long retryAfterSeconds;
    private final ProblemResponseWriter problems;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter refused;

    Admission(AdmissionProperties settings, ProblemResponseWriter problems, MeterRegistry meters) {
        this.maxInFlight = settings.maxInFlight();
        this.retryAfterSeconds = Math.max(1, (settings.retryAfter().toMillis() + 999) / 1000);
        this.problems = problems;
        Gauge.builder("grassroots.gateway.admission.in.flight", inFlight, AtomicInteger::get)
                .description("API requests inside the gateway now").register(meters);
        this.refused = Counter.builder("grassroots.gateway.admission.refused")
                .description("API requests answered 503 at the door because too many were inside").register(meters);
    }

    /**
     * The request's work if it is let in (its place is given back when the work ends, fails or the
     * caller goes away), or the 503 answer instead.
     */
    public Mono<Void> admit(ServerWebExchange exchange, Supplier<Mono<Void>> work) {
        if (maxInFlight == 0 || !counts(exchange.getRequest())) {
            return work.get();
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            refused.increment();
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            return problems.write(exchange, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                    "The platform is busy; try again in " + retryAfterSeconds + " s",
                    exchange.getRequest().getPath().value()));
        }
        return Mono.defer(work).doFinally(signal -> inFlight.decrementAndGet());
    }

    private static boolean counts(ServerHttpRequest request) {
        if (!request.getPath().value().startsWith("/api/")) {
            return false;
        }
        HttpHeaders headers = request.getHeaders();
        MediaType body = headers.getContentType();
        if (body != null && MediaType.MULTIPART_FORM_DATA.includes(body)) {
            return false;
        }
        String accept = headers.getFirst(HttpHeaders.ACCEPT);
        return accept == null || !accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
    }
}
