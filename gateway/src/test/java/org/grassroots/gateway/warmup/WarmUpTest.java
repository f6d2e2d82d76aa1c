package org.grassroots.gateway.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class WarmUpTest {

    @Test
    void givenAWarmUpToDo_thenOutOfServiceAndNoRequestIsTakenForItsOwnWithoutTheSecret() {
        WarmUp warmUp = new WarmUp(new WarmUpProperties(100, 2, Duration.ofSeconds(5), "", 0), new MockEnvironment());

        assertThat(warmUp.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(warmUp.isOwn(exchange(null))).isFalse();
        assertThat(warmUp.isOwn(exchange("guessed"))).isFalse();
        assertThat(warmUp.isOwn(exchange(""))).isFalse();
    }

    @Test
    void givenNoWarmUp_thenReadyAtOnce() {
        WarmUp warmUp = new WarmUp(new WarmUpProperties(0, 4, null, null, 0), new MockEnvironment());

        assertThat(warmUp.done()).isTrue();
        assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void givenThePortIsNotKnown_whenTheApplicationIsReady_thenReadyAtOnceRatherThanNever() {
        WarmUp warmUp = new WarmUp(new WarmUpProperties(100, 2, Duration.ofSeconds(5), "", 0), new MockEnvironment());

        warmUp.start();

        assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
    }

    private static MockServerWebExchange exchange(String header) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get(WarmUp.PATH);
        if (header != null) {
            request.header(WarmUp.HEADER, header);
        }
        return MockServerWebExchange.from(request);
    }
}
