package org.grassroots.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.platform.testapp.PlatformSupportTestApplication;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Every kind of error comes back as RFC 9457 problem details: status, type, title, fields. */
@ServiceIntegrationTest(classes = PlatformSupportTestApplication.class)
class ProblemDetailsIT {

    @LocalServerPort
    int port;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION,
                        TestTokens.resident("resident-1", "/qjp/qjp-wangying/qjp-wangying-fuqian").bearer())
                .build();
    }

    @Test
    void givenInvalidFields_whenPosted_thenEachIsListedWithItsReason() {
        client.post().uri("/api/test/reports").contentType(MediaType.APPLICATION_JSON)
                .body("{\"description\": \"  \", \"lon\": 200}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:validation")
                .jsonPath("$.title").isEqualTo("The request has invalid fields")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'description')].reason").isEqualTo("must not be blank")
                .jsonPath("$.errors[?(@.field == 'lon')].reason").isEqualTo("must be less than or equal to 180");
    }

    @Test
    void givenAValueOfTheWrongType_whenPosted_thenTheProblemNamesItsField() {
        client.post().uri("/api/test/reports").contentType(MediaType.APPLICATION_JSON)
                .body("{\"description\": \"rubbish\", \"lon\": \"east\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("lon")
                .jsonPath("$.errors[0].reason").isEqualTo("must be a number");
    }

    @Test
    void givenMalformedJson_whenPosted_thenItIsABadRequestThatSaysWhere() {
        client.post().uri("/api/test/reports").contentType(MediaType.APPLICATION_JSON)
                .body("{\"description\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:malformed-request")
                .jsonPath("$.title").isEqualTo("The request body cannot be read")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("not valid JSON"));
    }

    @Test
    void givenAnUnsupportedMediaType_whenPosted_then415() {
        client.post().uri("/api/test/reports").contentType(MediaType.TEXT_PLAIN)
                .body("rubbish on the corner")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:unsupported-media-type")
                .jsonPath("$.title").isEqualTo("Unsupported media type");
    }

    @Test
    void givenSomethingThatDoesNotExist_whenRead_then404() {
        client.get().uri("/api/test/reports/r-42")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:not-found")
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.detail").isEqualTo("Report r-42 does not exist")
                .jsonPath("$.instance").isEqualTo("/api/test/reports/r-42");
    }

    @Test
    void givenAnUnknownPath_whenRead_then404Too() {
        client.get().uri("/api/test/nothing-here")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:not-found");
    }

    @Test
    void givenARoleThatDoesNotFit_whenCalling_then403() {
        client.get().uri("/api/test/admin")
                .exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:forbidden")
                .jsonPath("$.title").isEqualTo("Not allowed for this caller");
    }

    @Test
    void givenAStaleVersion_whenACommandIsSent_then409() {
        client.post().uri("/api/test/reports/r-7/dispatch?version=3")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:version-conflict")
                .jsonPath("$.title").isEqualTo("Changed by someone else meanwhile")
                .jsonPath("$.detail").isEqualTo("Report r-7 is no longer at version 3; reload it and try again");
    }

    @Test
    void givenACommandTheCurrentStateRefuses_whenSent_then409WithTheReason() {
        client.post().uri("/api/test/reports/r-7/close")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:invalid-state")
                .jsonPath("$.detail").isEqualTo("A report in state REPORTED cannot be closed");
    }

    @Test
    void givenAMissingParameter_whenCalling_thenTheProblemNamesIt() {
        client.post().uri("/api/test/reports/r-7/dispatch")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("version")
                .jsonPath("$.errors[0].reason").isEqualTo("is required");
    }

    @Test
    void givenAnyOtherFailure_whenCalling_then500WithoutInternalDetail() {
        client.get().uri("/api/test/boom").header("X-Correlation-Id", "support-ticket-1")
                .exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().valueEquals("X-Correlation-Id", "support-ticket-1")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:internal")
                .jsonPath("$.title").isEqualTo("Internal error")
                .jsonPath("$.correlationId").isEqualTo("support-ticket-1")
                .jsonPath("$.trace").doesNotExist()
                .consumeWith(result -> assertThat(new String(result.getResponseBodyContent()))
                        .doesNotContain("hunter2", "IllegalStateException", "at org."));
    }
}
