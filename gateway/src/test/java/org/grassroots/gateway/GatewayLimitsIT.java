package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.grassroots.testsupport.TestTokenIssuer;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import reactor.core.publisher.Flux;

/**
 * Request body size and the per-user rate limit, with limits small enough to reach: bodies up to
 * 1 KB, bursts of 3 requests per user refilled at one every 20 s. (The per-address limit is checked
 * in {@code ClientIpRateLimitTest}: here every request comes from 127.0.0.1.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "grassroots.gateway.limits.max-request-body=1KB",
        "grassroots.gateway.limits.max-photo-upload-body=8KB",
        "grassroots.gateway.rate-limit.per-user.capacity=3",
        "grassroots.gateway.rate-limit.per-user.refill-per-second=0.05",
        "grassroots.gateway.rate-limit.per-client-ip.capacity=100000"})
@AutoConfigureWebTestClient
class GatewayLimitsIT {

    private static final StandInService CASE_SERVICE = StandInService.start("case-service");

    @DynamicPropertySource
    static void pointTheGatewayAtTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("CASE_SERVICE_URL", CASE_SERVICE::url);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokenIssuer::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokenIssuer::jwkSetUri);
    }

    @AfterAll
    static void stopTheStandIn() {
        CASE_SERVICE.close();
    }

    @Autowired
    WebTestClient gateway;

    @BeforeEach
    void forgetEarlierRequests() {
        CASE_SERVICE.forget();
    }

    @Test
    void givenABodyDeclaredLargerThanTheLimit_whenACaseIsReported_thenTheGatewayAnswers413Problem() {
        gateway.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, bearer("reporter-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(jsonOfSize(2048))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:payload-too-large")
                .jsonPath("$.detail").isEqualTo("The request body is larger than 1024 bytes")
                .jsonPath("$.instance").isEqualTo("/api/cases");
        assertThat(CASE_SERVICE.received()).isEmpty();
    }

    @Test
    void givenAChunkedBodyLargerThanTheLimit_whenACaseIsReported_thenTheGatewayAnswers413Problem() {
        gateway.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, bearer("reporter-2"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks(jsonOfSize(2048))))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("urn:grassroots:problem:payload-too-large");
        assertThat(CASE_SERVICE.received()).isEmpty();
    }

    @Test
    void givenAChunkedBodyWithinTheLimit_whenACaseIsReported_thenTheServiceGetsItWhole() {
        String report = jsonOfSize(900);

        gateway.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, bearer("reporter-3"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks(report)))
                .exchange()
                .expectStatus().isOk();

        assertThat(CASE_SERVICE.received()).singleElement()
                .satisfies(received -> assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo(report));
    }

    @Test
    void givenAPhotoUploadLargerThanTheGeneralLimit_whenPostedToACasesAttachments_thenItReachesTheService() {
        byte[] photos = new byte[6 * 1024];

        gateway.post().uri("/api/cases/42/attachments")
                .header(HttpHeaders.AUTHORIZATION, bearer("photographer-1"))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(photos)
                .exchange()
                .expectStatus().isOk();

        assertThat(CASE_SERVICE.received()).singleElement()
                .satisfies(received -> assertThat(received.body()).hasSize(photos.length));
    }

    @Test
    void givenAPhotoUploadOverItsOwnLimit_whenPosted_thenTheGatewayAnswers413() {
        gateway.post().uri("/api/cases/42/attachments")
                .header(HttpHeaders.AUTHORIZATION, bearer("photographer-2"))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(new byte[9 * 1024])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").isEqualTo("The request body is larger than 8192 bytes");
        assertThat(CASE_SERVICE.received()).isEmpty();
    }

    @Test
    void givenAPhotoUploadWithoutALength_whenPosted_thenTheGatewayAsksForOneWith411() {
        gateway.post().uri("/api/cases/42/attachments")
                .header(HttpHeaders.AUTHORIZATION, bearer("photographer-3"))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromDataBuffers(chunks(jsonOfSize(2048))))
                .exchange()
                .expectStatus().isEqualTo(411);
        assertThat(CASE_SERVICE.received()).isEmpty();
    }

    @Test
    void givenABodyOverTheGeneralLimit_whenPostedElsewhereUnderACase_thenThePhotoLimitDoesNotApply() {
        gateway.post().uri("/api/cases/42/resolve")
                .header(HttpHeaders.AUTHORIZATION, bearer("photographer-4"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(jsonOfSize(2048))
                .exchange()
                .expectStatus().isEqualTo(413);
    }

    @Test
    void givenAUserBeyondTheirBurst_whenTheyCallAgain_thenTheGatewayAnswers429WithRetryAfterAndOthersGoOn() {
        String busy = bearer("busy-resident");
        for (int call = 0; call < 3; call++) {
            gateway.get().uri("/api/cases/42").header(HttpHeaders.AUTHORIZATION, busy).exchange()
                    .expectStatus().isOk();
        }

        gateway.get().uri("/api/cases/42").header(HttpHeaders.AUTHORIZATION, busy).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER,
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 20))
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:too-many-requests")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.instance").isEqualTo("/api/cases/42");
        gateway.get().uri("/api/cases/42").header(HttpHeaders.AUTHORIZATION, bearer("quiet-resident")).exchange()
                .expectStatus().isOk();
        assertThat(CASE_SERVICE.received()).hasSize(4);
    }

    private static String bearer(String subject) {
        return TestTokens.user(subject).roles("resident").bearer();
    }

    private static String jsonOfSize(int bytes) {
        String prefix = "{\"description\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }

    private static Flux<DataBuffer> chunks(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int half = bytes.length / 2;
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        return Flux.just(buffers.wrap(Arrays.copyOfRange(bytes, 0, half)),
                buffers.wrap(Arrays.copyOfRange(bytes, half, bytes.length)));
    }
}
