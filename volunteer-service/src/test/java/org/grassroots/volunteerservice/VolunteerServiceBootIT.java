package org.grassroots.volunteerservice;

import org.grassroots.testsupport.ServiceBootChecks;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

@ServiceIntegrationTest
class VolunteerServiceBootIT extends ServiceBootChecks {

    @LocalServerPort
    int servicePort;

    @Override
    protected String apiPath() {
        return "/api/points";
    }

    @Test
    void givenTheService_whenItsOpenApiDocumentIsRead_thenItDescribesItsApi() {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + servicePort).build()
                .get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/points/me']").exists()
                .jsonPath("$.paths['/api/timebank/exchanges']").exists();
    }
}
