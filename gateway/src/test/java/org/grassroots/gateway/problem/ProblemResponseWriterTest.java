package org.grassroots.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.support.DefaultServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Flux;

class ProblemResponseWriterTest {

    private static final String REPORT = "{\"categoryCode\":\"EXPOSED_RUBBISH\",\"description\":\"暴雨后积水垃圾\"}";

    private final ProblemResponseWriter problems = new ProblemResponseWriter(new DefaultServerCodecConfigurer());
    private final AtomicBoolean bodyRead = new AtomicBoolean();

    @Test
    void givenAReportTurnedAwayUnread_whenTheProblemIsWritten_thenItsBodyIsReadToTheEndFirst() {
        byte[] report = REPORT.getBytes(StandardCharsets.UTF_8);
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/cases")
                .contentLength(report.length)
                .body(body(report)));

        problems.writeBeforeBody(exchange, busy()).block();

        assertThat(bodyRead).isTrue();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("The platform is busy");
    }

    @Test
    void givenABodyTheCallerWaitsToBeAskedFor_whenTheProblemIsWritten_thenItIsAnsweredUnread() {
        byte[] report = REPORT.getBytes(StandardCharsets.UTF_8);
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/cases")
                .contentLength(report.length)
                .header(HttpHeaders.EXPECT, "100-continue")
                .body(body(report)));

        problems.writeBeforeBody(exchange, busy()).block();

        assertThat(bodyRead).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void givenAPhotoLargerThanAnyCommand_whenTheProblemIsWritten_thenItIsAnsweredUnread() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/cases/c-1/attachments")
                .contentLength(ProblemResponseWriter.LARGEST_BODY_READ + 1)
                .body(body(new byte[16])));

        problems.writeBeforeBody(exchange, busy()).block();

        assertThat(bodyRead).isFalse();
    }

    @Test
    void givenARequestWithoutABody_whenTheProblemIsWritten_thenNothingIsRead() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.GET, "/api/cases/c-1")
                .body(body(new byte[0])));

        problems.writeBeforeBody(exchange, busy()).block();

        assertThat(bodyRead).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    private Flux<DataBuffer> body(byte[] bytes) {
        return Flux.<DataBuffer>just(DefaultDataBufferFactory.sharedInstance.wrap(bytes))
                .doOnComplete(() -> bodyRead.set(true));
    }

    private static ProblemDetail busy() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "The platform is busy; try again in 2 s", "/api/cases");
    }
}
