package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.grassroots.testsupport.TestTokenIssuer;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in front of two case-service instances, as the local platform runs them with
 * {@code CASE_SERVICE_INSTANCES=2}: the route's address is {@code lb://cases} and
 * Spring Cloud's simple discovery client names both ({@code spring.cloud.discovery.client.simple.instances.cases[i].uri},
 * as the launcher sets them). The second test stops one instance, so the
 * order matters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grassroots.gateway.rate-limit.per-client-ip.capacity=100000",
                "spring.cloud.loadbalancer.health-check.interval=1s"})
@AutoConfigureWebTestClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayLoadBalancingIT {

    private static final String READINESS = "/actuator/health/readiness";
    private static final StandInService FIRST = StandInService.start("case-service-a");
    private static final StandInService SECOND = StandInService.start("case-service-b");

    @DynamicPropertySource
    static void pointTheGatewayAtTwoInstances(DynamicPropertyRegistry registry) {
        registry.add("CASE_SERVICE_URL", () -> "lb://cases");
        registry.add("spring.cloud.discovery.client.simple.instances.cases[0].uri", FIRST::url);
        registry.add("spring.cloud.discovery.client.simple.instances.cases[1].uri", SECOND::url);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokenIssuer::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokenIssuer::jwkSetUri);
    }

    @AfterAll
    static void stopTheStandIns() {
        FIRST.close();
        SECOND.close();
    }

    @Autowired
    private WebTestClient gateway;

    @Test
    @Order(1)
    void givenTwoInstances_whenTwelveCasesAreReported_thenEachInstanceTakesHalf() {
        awaitBothChecked();
        Map<String, Integer> answeredBy = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            answeredBy.merge(report(), 1, Integer::sum);
        }

        assertThat(answeredBy).containsOnlyKeys("case-service-a", "case-service-b");
        assertThat(answeredBy.values()).allSatisfy(count -> assertThat(count).isBetween(5, 7));
        assertThat(reportsReceived(FIRST) + reportsReceived(SECOND)).isEqualTo(12);
    }

    @Test
    @Order(2)
    void givenOneInstanceStops_whenItsReadinessCheckHasFailed_thenEveryReportGoesToTheOther() {
        SECOND.close();
        // Within one check interval (1 s here, 5 s by default) the balancer leaves the stopped instance out.
        Awaitility.await("reports answered by the remaining instance only").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> List.of(reportOrStatus(), reportOrStatus()).equals(List.of("case-service-a", "case-service-a")));
        int before = reportsReceived(FIRST);

        for (int i = 0; i < 10; i++) {
            assertThat(report()).isEqualTo("case-service-a");
        }
        assertThat(reportsReceived(FIRST)).isEqualTo(before + 10);
    }

    /** The balancer for a service is made on its first call, and checks its instances from then on. */
    private void awaitBothChecked() {
        reportOrStatus();
        Awaitility.await("both instances' readiness checked").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> checked(FIRST) && checked(SECOND));
        FIRST.forget();
        SECOND.forget();
    }

    private static boolean checked(StandInService instance) {
        return instance.received().stream().anyMatch(request -> request.pathAndQuery().equals(READINESS));
    }

    private static int reportsReceived(StandInService instance) {
        return (int) instance.received().stream().filter(request -> request.pathAndQuery().equals("/api/cases")).count();
    }

    private String report() {
        EntityExchangeResult<byte[]> answer = post().expectStatus().isOk().expectBody().returnResult();
        return serviceOf(answer);
    }

    /** The answering instance's name, or the status when it was not answered. */
    private String reportOrStatus() {
        EntityExchangeResult<byte[]> answer = post().expectBody().returnResult();
        return answer.getStatus().value() == 200 ? serviceOf(answer) : String.valueOf(answer.getStatus().value());
    }

    private WebTestClient.ResponseSpec post() {
        return gateway.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("resident-1").roles("resident").bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"category\":\"rubbish\"}")
                .exchange();
    }

    private static String serviceOf(EntityExchangeResult<byte[]> answer) {
        String body = new String(answer.getResponseBodyContent(), StandardCharsets.UTF_8);
        return body.replaceAll(".*\"service\":\"([^\"]+)\".*", "$1");
    }
}
