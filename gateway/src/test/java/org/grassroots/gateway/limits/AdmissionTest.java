package org.grassroots.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.support.DefaultServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class AdmissionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Admission admission = new Admission(new AdmissionProperties(2, Duration.ofSeconds(3)),
            new ProblemResponseWriter(new DefaultServerCodecConfigurer()), meters);
    private final List<Sinks.Empty<Void>> working = new ArrayList<>();

    @Test
    void givenTwoRequestsInside_whenAThirdComes_thenItIsAnswered503WithRetryAfterWithoutItsWorkStarting() {
        enter(MockServerHttpRequest.post("/api/cases"));
        enter(MockServerHttpRequest.get("/api/cases/42"));

        boolean[] started = {false};
        MockServerWebExchange third = MockServerWebExchange.from(MockServerHttpRequest.post("/api/cases"));
        admission.admit(third, () -> {
            started[0] = true;
            return Mono.empty();
        }).block();

        assertThat(started[0]).isFalse();
        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(third.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
        assertThat(third.getResponse().getBodyAsString().block())
                .contains("\"type\":\"urn:grassroots:problem:service-unavailable\"")
                .contains("The platform is busy; try again in 3 s");
        assertThat(meters.counter("grassroots.gateway.admission.refused").count()).isEqualTo(1);
    }

    @Test
    void givenTheLimitReached_whenOneRequestEndsAndAnotherIsCancelled_thenTwoMoreAreLetIn() {
        enter(MockServerHttpRequest.get("/api/cases/1"));
        Disposable cancelled = enter(MockServerHttpRequest.get("/api/cases/2"));

        working.get(0).tryEmitEmpty();
        cancelled.dispose();

        assertThat(meters.get("grassroots.gateway.admission.in.flight").gauge().value()).isZero();
        assertThat(tryOnce(MockServerHttpRequest.get("/api/cases/3"))).isNull();
        assertThat(tryOnce(MockServerHttpRequest.get("/api/cases/4"))).isNull();
    }

    @Test
    void givenTheLimitReached_whenProbesWebFilesEventStreamsAndPhotoUploadsCome_thenAllAreLetIn() {
        enter(MockServerHttpRequest.get("/api/cases/1"));
        enter(MockServerHttpRequest.get("/api/cases/2"));

        assertThat(tryOnce(MockServerHttpRequest.get("/actuator/health/readiness"))).isNull();
        assertThat(tryOnce(MockServerHttpRequest.get("/m/report"))).isNull();
        assertThat(tryOnce(MockServerHttpRequest.get("/api/cases/changes").accept(MediaType.TEXT_EVENT_STREAM)))
                .isNull();
        assertThat(tryOnce(MockServerHttpRequest.post("/api/cases/42/attachments")
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=x")))).isNull();
        assertThat(tryOnce(MockServerHttpRequest.get("/api/cases/3"))).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void givenNoLimit_whenManyRequestsAreInside_thenNoneIsTurnedAway() {
        Admission unlimited = new Admission(new AdmissionProperties(0, null),
                new ProblemResponseWriter(new DefaultServerCodecConfigurer()), new SimpleMeterRegistry());
        for (int i = 0; i < 1_000; i++) {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/cases"));
            unlimited.admit(exchange, Mono::never).subscribe();
            assertThat(exchange.getResponse().getStatusCode()).isNull();
        }
    }

    /** Lets a request in whose work goes on until its sink is completed; the subscription, to cancel it. */
    private Disposable enter(MockServerHttpRequest.BaseBuilder<?> request) {
        Sinks.Empty<Void> work = Sinks.empty();
        working.add(work);
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        Disposable subscription = admission.admit(exchange, work::asMono).subscribe();
        assertThat(exchange.getResponse().getStatusCode()).isNull();
        return subscription;
    }

    /** The status the admission answered with, or null if the request's (instant) work ran. */
    private HttpStatus tryOnce(MockServerHttpRequest.BaseBuilder<?> request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        boolean[] ran = {false};
        admission.admit(exchange, () -> {
            ran[0] = true;
            return Mono.empty();
        }).block();
        return ran[0] ? null : (HttpStatus) exchange.getResponse().getStatusCode();
    }
}
