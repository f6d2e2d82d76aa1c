package org.grassroots.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.platform.testapp.PlatformSupportTestApplication;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What a service publishes to Prometheus about its store, with the platform's defaults. */
@ServiceIntegrationTest(classes = PlatformSupportTestApplication.class)
class MetricsDefaultsIT {

    @LocalServerPort
    int port;

    @Test
    void givenACommandToTheStore_whenPrometheusScrapes_thenThePoolIsMeasuredButTheCommandIsNotTimed() {
        RestTestClient client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        // Readiness includes the store: it sends the store a command.
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");

        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("mongodb_driver_pool_size{")
                        .doesNotContain("mongodb_driver_commands_"));
    }
}
