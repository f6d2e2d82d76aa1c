package org.grassroots.evaluationservice.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.evaluationservice.CaseEventsFixture;
import org.grassroots.evaluationservice.EvaluationServiceApplication;
import org.grassroots.evaluationservice.WithStandInCaseService;
import org.grassroots.testsupport.PlatformInfrastructureInitializer;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Statistics from {@code case-events}: the same figures whether events arrive once, twice or out
 * of order, and in a fresh service that replays the whole topic.
 */
class StatisticsIT extends WithStandInCaseService {

    // Cases a few days back, so the period of a run near midnight holds them all.
    static final Instant REPORTED = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void givenEventsDeliveredTwiceAndOutOfOrder_whenCounted_thenEachCaseCountsOnceWithItsLatestState() {
        String street = "street-" + UUID.randomUUID().toString().substring(0, 8);
        String community = street + "-community";
        publishCommunityHistory(street, community);

        String staff = TestTokens.staff("street-1", "street_staff", "/qjp/" + street).bearer();
        eventually(() -> expectCommunityRow(staff, community));
        client.get().uri("/api/stats?groupBy=community&period=none")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("other", "street_staff", "/qjp/another-street").bearer())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.group == '" + community + "')]").doesNotExist();
    }

    @Test
    void givenTheWholeTopic_whenAFreshServiceReplaysIt_thenItsStatisticsEqualTheLiveOnes() {
        String street = "street-" + UUID.randomUUID().toString().substring(0, 8);
        String community = street + "-community";
        publishCommunityHistory(street, community);
        String staff = TestTokens.staff("street-1", "street_staff", "/qjp/" + street).bearer();
        eventually(() -> expectCommunityRow(staff, community));
        String live = statsBody(client, staff);

        try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(EvaluationServiceApplication.class)
                .initializers(new PlatformInfrastructureInitializer())
                // Command-line arguments, so they win over application.yml (port) and the platform defaults (group).
                .run("--server.port=0", "--spring.kafka.consumer.group-id=replay-" + UUID.randomUUID(),
                        "--grassroots.evaluation.case-service.url=" + CASE_SERVICE.url())) {
            RestTestClient replayed = RestTestClient.bindToServer()
                    .baseUrl("http://localhost:" + fresh.getEnvironment().getProperty("local.server.port")).build();
            eventually(() -> assertThat(statsBody(replayed, staff)).isEqualTo(live));
        }
    }

    @Test
    void givenDepartmentStaff_whenReadingStatistics_thenOnlyTheirDepartmentsCasesCount() {
        String street = "street-" + UUID.randomUUID().toString().substring(0, 8);
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        CaseEventsFixture theirs = CaseEventsFixture.newCase(street, street + "-community");
        CaseEventsFixture others = CaseEventsFixture.newCase(street, street + "-community");
        publish(theirs.reported(REPORTED), theirs.closed(5, REPORTED, Duration.ofHours(4), true, department),
                others.reported(REPORTED), others.closed(5, REPORTED, Duration.ofHours(4), true, "dept-urban"));
        String clerk = TestTokens.departmentStaff("clerk-1", department, "/qjp").bearer();

        eventually(() -> client.get().uri("/api/stats?groupBy=department")
                .header(HttpHeaders.AUTHORIZATION, clerk).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].group").isEqualTo(department)
                .jsonPath("$[0].filed").isEqualTo(1));
    }

    @Test
    void givenAStatisticsView_whenAskedForCsv_thenTheSameRowsComeAsACsvAttachment() {
        String street = "street-" + UUID.randomUUID().toString().substring(0, 8);
        CaseEventsFixture aCase = CaseEventsFixture.newCase(street, street + "-community");
        publish(aCase.reported(REPORTED));
        String staff = TestTokens.staff("street-1", "street_staff", "/qjp/" + street).bearer();
        eventually(() -> client.get().uri("/api/stats?groupBy=community&period=month")
                .header(HttpHeaders.AUTHORIZATION, staff).exchange()
                .expectBody().jsonPath("$[0].filed").isEqualTo(1));

        for (String ask : new String[] {"format=csv", "accept"}) {
            var request = client.get().uri("/api/stats?groupBy=community&period=month"
                    + ("accept".equals(ask) ? "" : "&" + ask)).header(HttpHeaders.AUTHORIZATION, staff);
            if ("accept".equals(ask)) {
                request = request.header(HttpHeaders.ACCEPT, "text/csv");
            }
            request.exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith("text/csv")
                    .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, value -> assertThat(value).contains("attachment"))
                    .expectBody(String.class).value(csv -> assertThat(csv)
                            .contains("group,period,filed,closed,closureRate")
                            .contains(street + "-community,"));
        }
    }

    @Test
    void givenAResidentOrABadParameter_whenReadingStatistics_thenForbiddenOrBadRequestNamingIt() {
        client.get().uri("/api/stats").header(HttpHeaders.AUTHORIZATION,
                TestTokens.resident("resident-1", "/qjp/qjp-pulou/qjp-pulou-chengnan").bearer()).exchange()
                .expectStatus().isForbidden();
        String staff = TestTokens.staff("street-1", "street_staff", "/qjp/qjp-pulou").bearer();
        client.get().uri("/api/stats?groupBy=household").header(HttpHeaders.AUTHORIZATION, staff).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("groupBy");
        client.get().uri("/api/stats?period=fortnight").header(HttpHeaders.AUTHORIZATION, staff).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("period");
        client.get().uri("/api/stats?from=2026-05-01&to=2026-04-01").header(HttpHeaders.AUTHORIZATION, staff).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        client.get().uri("/api/stats?from=yesterday").header(HttpHeaders.AUTHORIZATION, staff).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
    }

    /**
     * Three cases of one community. A: closed late after an overdue warning, sent back, closed on
     * time. B: closed on time. C: cancelled. Every event is sent twice (once re-sent under the same
     * id, once as if case-service's relay had published it again under a new id), A's in reverse order.
     */
    private void publishCommunityHistory(String street, String community) {
        CaseEventsFixture a = CaseEventsFixture.newCase(street, community);
        CaseEventsFixture b = CaseEventsFixture.newCase(street, community);
        CaseEventsFixture c = CaseEventsFixture.newCase(street, community);
        CaseEvent[] aHistory = {
                a.reported(REPORTED),
                a.overdue(3, REPORTED.plus(Duration.ofHours(30)), "dept-urban"),
                a.closed(4, REPORTED, Duration.ofHours(40), false, "dept-urban"),
                a.reopened(5, REPORTED.plus(Duration.ofHours(41)), "dept-urban"),
                a.closed(6, REPORTED, Duration.ofHours(50), true, "dept-urban")};
        for (int i = aHistory.length - 1; i >= 0; i--) {
            sendTwiceAndAgain(aHistory[i]);
        }
        sendTwiceAndAgain(b.reported(REPORTED));
        sendTwiceAndAgain(b.closed(5, REPORTED, Duration.ofHours(10), true, "dept-urban"));
        sendTwiceAndAgain(c.reported(REPORTED));
        sendTwiceAndAgain(c.cancelled(2, REPORTED.plusSeconds(600)));
    }

    private void sendTwiceAndAgain(CaseEvent event) {
        ProducerRecord<String, byte[]> record = CaseEventsFixture.record(event);
        send(record);
        send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()));
        send(CaseEventsFixture.record(event));
    }

    private void expectCommunityRow(String staff, String community) {
        client.get().uri("/api/stats?groupBy=community&period=none")
                .header(HttpHeaders.AUTHORIZATION, staff).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].group").isEqualTo(community)
                .jsonPath("$[0].filed").isEqualTo(2)
                .jsonPath("$[0].closed").isEqualTo(2)
                .jsonPath("$[0].closureRate").isEqualTo(1.0)
                .jsonPath("$[0].closedOnTime").isEqualTo(2)
                .jsonPath("$[0].reworked").isEqualTo(1)
                .jsonPath("$[0].reworkRate").isEqualTo(0.5)
                .jsonPath("$[0].overdue").isEqualTo(1)
                .jsonPath("$[0].meanHandlingHours").isEqualTo(30.0)
                .jsonPath("$[0].p90HandlingHours").isEqualTo(50.0);
    }

    private static String statsBody(RestTestClient client, String staff) {
        return client.get().uri("/api/stats?groupBy=grid&period=day").header(HttpHeaders.AUTHORIZATION, staff)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
