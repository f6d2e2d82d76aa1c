package org.grassroots.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.support.DefaultServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Mono;

class ClientIpRateLimitTest {

    private final ClientIpRateLimit limit = limit(true);

    @Test
    void givenOneAddressBeyondItsBurst_whenItCallsAgain_thenItGets429WithRetryAfterAndAnotherAddressGoesOn() {
        assertThat(call("/api/cases/42", "10.0.0.7").getResponse().getStatusCode()).isNull();
        assertThat(call("/api/cases/42", "10.0.0.7").getResponse().getStatusCode()).isNull();

        MockServerWebExchange refused = call("/api/cases/42", "10.0.0.7");

        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
        assertThat(refused.getResponse().getBodyAsString().block())
                .contains("\"type\":\"urn:grassroots:problem:too-many-requests\"")
                .contains("Too many requests from your address");
        assertThat(call("/api/cases/42", "10.0.0.8").getResponse().getStatusCode()).isNull();
    }

    @Test
    void givenAnAddressBeyondItsBurst_whenTheProbesAreAsked_thenTheyAreNotLimited() {
        call("/api/cases/42", "10.0.0.9");
        call("/api/cases/42", "10.0.0.9");

        assertThat(call("/actuator/health/readiness", "10.0.0.9").getResponse().getStatusCode()).isNull();
    }

    @Test
    void givenTheLimitSwitchedOff_whenAnAddressGoesBeyondTheBurst_thenItGoesOn() {
        ClientIpRateLimit off = limit(false);

        for (int i = 0; i < 5; i++) {
            assertThat(call(off, "/api/cases/42", "10.0.0.10").getResponse().getStatusCode()).isNull();
        }
    }

    private static ClientIpRateLimit limit(boolean enabled) {
        return new ClientIpRateLimit(enabled,
                new RateLimiter(new RateLimitProperties.Limit(2, 0.1), 100, System::nanoTime),
                new ProblemResponseWriter(new DefaultServerCodecConfigurer()));
    }

    private MockServerWebExchange call(String path, String address) {
        return call(limit, path, address);
    }

    private static MockServerWebExchange call(ClientIpRateLimit limit, String path, String address) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path)
                .remoteAddress(new InetSocketAddress(address, 40000)));
        Mono<Void> refusal = limit.refusal(exchange);
        if (refusal != null) {
            refusal.block();
        }
        return exchange;
    }
}
