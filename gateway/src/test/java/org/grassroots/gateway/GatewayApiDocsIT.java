package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One Swagger UI at the gateway, served from the swagger-ui webjar, listing every service's OpenAPI
 * description, each fetched through the gateway from the service's own {@code /v3/api-docs}.
 */
class GatewayApiDocsIT extends GatewayInFrontOfStandIns {

    @Test
    void givenNoToken_whenTheSwaggerUiConfigurationIsRead_thenItListsTheFiveServices() {
        gateway.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(5)
                .jsonPath("$.urls[*].name").value(names -> assertThat(names).asString()
                        .contains("org-service", "grid-service", "case-service", "volunteer-service", "evaluation-service"))
                .jsonPath("$.urls[?(@.name == 'case-service')].url").isEqualTo("/api-docs/case-service");
    }

    @Test
    void givenNoToken_whenAServicesDescriptionIsRead_thenTheGatewayFetchesTheServicesOwnApiDocs() {
        gateway.get().uri("/api-docs/case-service").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("case-service");

        assertThat(onlyRequestTo(CASE_SERVICE).pathAndQuery()).isEqualTo("/v3/api-docs");
    }

    @Test
    void givenNoToken_whenTheSwaggerUiIsOpened_thenItsPageComesFromTheGateway() {
        String location = gateway.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();

        gateway.get().uri(location).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("swagger-ui"));
    }

    @Test
    void givenNoToken_whenTheGatewaysOwnApiDescriptionIsAsked_thenItIsRefused() {
        gateway.get().uri("/v3/api-docs").exchange().expectStatus().isUnauthorized();
    }
}
