package org.grassroots.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What every Grassroots service must do once it has booted: answer its liveness and readiness
 * probes and Prometheus without a token, and refuse its API without one, in problem details.
 * A service's boot test extends this and is annotated {@link ServiceIntegrationTest}.
 */
public abstract class ServiceBootChecks {

    @LocalServerPort
    int port;

    @Value("${spring.application.name}")
    String application;

    protected RestTestClient client;

    /** A path of the service's API, to check that it needs a token. */
    protected abstract String apiPath();

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void answersItsLivenessProbe() {
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void isReadyOnceItsStoreAnswers() {
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void publishesPrometheusMetricsTaggedWithItsName() {
        client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("application=\"" + application + "\""));
    }

    @Test
    void refusesItsApiWithoutAToken() {
        client.get().uri(apiPath()).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:grassroots:problem:unauthorized");
    }
}
