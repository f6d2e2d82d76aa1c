package org.grassroots.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

    @Test
    void givenAStatus_whenAProblemIsMade_thenItsTypeNamesTheStatusInWords() {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "case-service is unavailable; try again shortly", "/api/cases/42/dispatch");

        assertThat(problem.getType()).isEqualTo(URI.create("urn:grassroots:problem:service-unavailable"));
        assertThat(problem.getTitle()).isEqualTo("Service Unavailable");
        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getDetail()).isEqualTo("case-service is unavailable; try again shortly");
        assertThat(problem.getInstance()).isEqualTo(URI.create("/api/cases/42/dispatch"));
    }

    @Test
    void givenAStatusWithoutAName_whenAProblemIsMade_thenItsTypeUsesTheNumber() {
        ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(599), "odd", "/api/stats");

        assertThat(problem.getType()).isEqualTo(URI.create("urn:grassroots:problem:http-599"));
    }
}
