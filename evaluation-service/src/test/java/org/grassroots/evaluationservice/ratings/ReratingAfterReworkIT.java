package org.grassroots.evaluationservice.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.evaluation.CaseRated;
import org.grassroots.contracts.evaluation.Satisfaction;
import org.grassroots.evaluationservice.CaseEventsFixture;
import org.grassroots.evaluationservice.StandInCaseService.StoredCase;
import org.grassroots.evaluationservice.WithStandInCaseService;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

/**
 * 发回重办 and rating again: a dissatisfied reporter's case goes back for rework; once it is closed
 * again the reporter rates the result, once per closure. Statistics count the case once, by its
 * latest rating, and still show that it was reworked.
 */
class ReratingAfterReworkIT extends WithStandInCaseService {

    static final Instant REPORTED = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

    final EventCodec codec = new EventCodec();

    @Test
    void givenAReworkedCaseClosedAgain_whenItsReporterRatesAgain_thenTheNewRatingCountsOnceAndTheFirstIsKept() {
        String street = "street-" + UUID.randomUUID().toString().substring(0, 8);
        String community = street + "-community";
        CaseEventsFixture aCase = CaseEventsFixture.newCase(street, community);
        String reporter = "resident-" + UUID.randomUUID();
        String resident = TestTokens.resident(reporter, aCase.orgPath()).bearer();
        String streetStaff = TestTokens.staff("street-1", "street_staff", "/qjp/" + street).bearer();

        // closed, rated dissatisfied (case-service then reopens it: 发回重办)
        publish(aCase.reported(REPORTED), aCase.closed(4, REPORTED, Duration.ofHours(20), true, "dept-urban"));
        Instant firstClose = REPORTED.plus(Duration.ofHours(20));
        standIn(aCase, "CLOSED", firstClose, reporter);
        eventually(() -> client.get().uri("/api/stats?groupBy=community&period=none")
                .header(HttpHeaders.AUTHORIZATION, streetStaff).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].closed").isEqualTo(1));
        rate(resident, aCase.caseId(), "DISSATISFIED", "垃圾又堆起来了").expectStatus().isCreated();
        eventually(() -> rating(streetStaff, community, 0.0, 1));

        // while the rework runs, and for the same closure, nothing more can be rated
        standIn(aCase, "REOPENED", null, reporter);
        rate(resident, aCase.caseId(), "SATISFIED", null).expectStatus().isEqualTo(409);

        // closed again after the rework: the reporter rates the result
        publish(aCase.reopened(5, firstClose.plus(Duration.ofHours(1)), "dept-urban"),
                aCase.closed(8, REPORTED, Duration.ofHours(40), true, "dept-urban"));
        Instant secondClose = REPORTED.plus(Duration.ofHours(40));
        standIn(aCase, "CLOSED", secondClose, reporter);
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.EVALUATION_EVENTS)) {
            rate(resident, aCase.caseId(), "SATISFIED", "这次清理干净了").expectStatus().isCreated()
                    .expectBody()
                    .jsonPath("$.satisfaction").isEqualTo("SATISFIED")
                    .jsonPath("$.closedAt").isEqualTo(secondClose.toString())
                    .jsonPath("$.round").isEqualTo(2)
                    .jsonPath("$.earlier[0].satisfaction").isEqualTo("DISSATISFIED")
                    .jsonPath("$.earlier[0].closedAt").isEqualTo(firstClose.toString());
            String ratingId = ratingIdOf(aCase.caseId(), resident);

            List<ConsumerRecord<String, byte[]>> published = probe.awaitRecords(r -> aCase.caseId().equals(r.key())
                    && "org.grassroots.evaluation.case-rated".equals(TopicProbe.header(r, "ce_type"))
                    && codec.read(r.value(), CaseRated.class).ratingId().equals(ratingId), 1, PATIENCE);
            CaseRated rated = codec.read(published.get(0).value(), CaseRated.class);
            assertThat(rated.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
            assertThat(rated.aggregateVersion()).isEqualTo(2);
        }

        // one rating per closure
        rate(resident, aCase.caseId(), "DISSATISFIED", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:grassroots:problem:already-exists");
        // the case counts once, by its latest answer, and as reworked
        eventually(() -> rating(streetStaff, community, 1.0, 1));
        client.get().uri("/api/stats?groupBy=community&period=none").header(HttpHeaders.AUTHORIZATION, streetStaff)
                .exchange().expectBody().jsonPath("$[0].reworked").isEqualTo(1)
                .jsonPath("$[0].dissatisfied").isEqualTo(0);
        client.get().uri("/api/ratings/" + aCase.caseId()).header(HttpHeaders.AUTHORIZATION, resident).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.satisfaction").isEqualTo("SATISFIED")
                .jsonPath("$.earlier.length()").isEqualTo(1);
    }

    private String ratingIdOf(String caseId, String bearer) {
        return client.get().uri("/api/ratings/" + caseId).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk().expectBody(RatingView.class).returnResult().getResponseBody().ratingId();
    }

    record RatingView(String ratingId) {
    }

    private void standIn(CaseEventsFixture aCase, String status, Instant closedAt, String reporter) {
        CASE_SERVICE.add(new StoredCase(aCase.caseId(), "QJP-TEST-" + aCase.caseId().substring(0, 6), status,
                "EXPOSED_RUBBISH", aCase.community(), aCase.orgPath(), REPORTED, closedAt, reporter, "dept-urban"));
    }

    private void rating(String staff, String community, double satisfactionRate, int rated) {
        client.get().uri("/api/stats?groupBy=community&period=none").header(HttpHeaders.AUTHORIZATION, staff)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].group").isEqualTo(community)
                .jsonPath("$[0].filed").isEqualTo(1)
                .jsonPath("$[0].rated").isEqualTo(rated)
                .jsonPath("$[0].satisfactionRate").isEqualTo(satisfactionRate);
    }

    private ResponseSpec rate(String bearer, String caseId, String satisfaction, String comment) {
        String body = "{\"caseId\": \"" + caseId + "\", \"satisfaction\": \"" + satisfaction + "\""
                + (comment == null ? "" : ", \"comment\": \"" + comment + "\"") + "}";
        return client.post().uri("/api/ratings").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
