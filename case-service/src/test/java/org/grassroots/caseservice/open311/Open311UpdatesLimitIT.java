package org.grassroots.caseservice.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.grassroots.caseservice.open311.Open311Schemas.Kind;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * servicerequestupdates reads the cases changed in its window whole; with more than it may read
 * (here 2), it refuses with the standard's error list and asks for a shorter window, rather than
 * answering from part of them.
 */
@ServiceIntegrationTest(properties = "grassroots.open311.max-updated-cases=2")
class Open311UpdatesLimitIT {

    static final String UPDATES = "/open311/v2/servicerequestupdates.json?start_date={start}&end_date={end}";
    static final String RESIDENT = TestTokens.resident("resident-updates", "/qjp/qjp-pulou/qjp-pulou-chengnan").bearer();

    @LocalServerPort
    int port;

    @Test
    void givenThreeCasesChangedInAWindowThatMayHoldTwo_whenItsUpdatesAreAsked_then400AskingForAShorterWindow() {
        RestTestClient client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        for (int i = 0; i < 3; i++) {
            client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, RESIDENT)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"categoryCode\": \"EXPOSED_RUBBISH\", \"description\": \"楼下垃圾 " + i + "\","
                            + " \"point\": {\"lon\": 119.0213, \"lat\": 33.6012}}")
                    .exchange().expectStatus().isCreated();
        }
        Instant after = Instant.now().plusSeconds(1);

        String body = client.get().uri(UPDATES, before, after).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();

        JsonNode errors = Open311Schemas.validJson(Kind.ERRORS, body);
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(400);
        assertThat(errors.get(0).get("description").asString()).isEqualTo(
                "3 requests changed between start_date and end_date, more than the 2 one call reads; ask for a shorter window");
        client.get().uri(UPDATES, before.minusSeconds(3600), before).exchange().expectStatus().isOk();
    }
}
