package org.grassroots.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.grassroots.contracts.problems.ProblemType;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

    @Test
    void givenAStatus_whenAProblemIsMade_thenItHasTheServicesTypeAndTitleForThatStatus() {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "case-service is unavailable; try again shortly", "/api/cases/42/dispatch");

        assertThat(problem.getType()).isEqualTo(URI.create("urn:grassroots:problem:service-unavailable"));
        assertThat(problem.getTitle()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE.title());
        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getDetail()).isEqualTo("case-service is unavailable; try again shortly");
        assertThat(problem.getInstance()).isEqualTo(URI.create("/api/cases/42/dispatch"));
    }

    @Test
    void givenTheGatewaysOwnErrors_whenProblemsAreMade_thenTheirTypesAreTheOnesTheServicesUse() {
        assertThat(Problems.of(HttpStatus.UNAUTHORIZED, "no token", "/api/cases").getType())
                .isEqualTo(ProblemType.UNAUTHORIZED.uri());
        assertThat(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too big", "/api/cases").getType())
                .isEqualTo(ProblemType.PAYLOAD_TOO_LARGE.uri());
        assertThat(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "slow down", "/api/cases").getType())
                .isEqualTo(ProblemType.TOO_MANY_REQUESTS.uri());
        assertThat(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "oops", "/api/cases").getType())
                .isEqualTo(ProblemType.INTERNAL.uri());
    }

    @Test
    void givenAStatusWithoutAType_whenAProblemIsMade_thenItHasTheGenericTypeOfItsClass() {
        ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(599), "odd", "/api/stats");

        assertThat(problem.getType()).isEqualTo(ProblemType.INTERNAL.uri());
        assertThat(problem.getStatus()).isEqualTo(599);
    }
}
