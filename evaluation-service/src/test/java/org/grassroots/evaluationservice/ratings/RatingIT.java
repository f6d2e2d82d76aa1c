package org.grassroots.evaluationservice.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.evaluation.CaseRated;
import org.grassroots.contracts.evaluation.Satisfaction;
import org.grassroots.evaluationservice.StandInCaseService.StoredCase;
import org.grassroots.evaluationservice.WithStandInCaseService;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

/** Rating a closed case through the API, with case-service played by a stand-in. */
class RatingIT extends WithStandInCaseService {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String DISPATCHER = TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer();
    static final String HEBIN_STAFF = TestTokens.staff("dispatcher-2", "community_staff", "/qjp/qjp-pulou/qjp-pulou-hebin")
            .bearer();
    static final String URBAN = TestTokens.departmentStaff("urban-1", "dept-urban", "/qjp").bearer();
    static final String COMMENT = "垃圾清运及时，感谢网格员张三，电话13800000000";

    final EventCodec codec = new EventCodec();

    @Test
    void givenAClosedCase_whenItsReporterRatesIt_thenTheRatingIsStoredAndCaseRatedIsPublishedWithoutTheComment() {
        String reporter = "resident-" + UUID.randomUUID();
        String caseId = closedCase(reporter, Instant.now().minus(Duration.ofDays(1)));

        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.EVALUATION_EVENTS)) {
            rate(resident(reporter), caseId, "DISSATISFIED", COMMENT)
                    .expectStatus().isCreated()
                    .expectBody()
                    .jsonPath("$.satisfaction").isEqualTo("DISSATISFIED")
                    .jsonPath("$.followUpCall").isEqualTo(false)
                    .jsonPath("$.comment").isEqualTo(COMMENT);

            List<ConsumerRecord<String, byte[]>> published = probe.awaitRecords(r -> caseId.equals(r.key())
                    && "org.grassroots.evaluation.case-rated".equals(TopicProbe.header(r, "ce_type")), 1, PATIENCE);
            CaseRated rated = codec.read(published.get(0).value(), CaseRated.class);
            assertThat(rated.satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
            assertThat(rated.departmentId()).isEqualTo("dept-urban");
            assertThat(rated.communityId()).isEqualTo("qjp-pulou-chengnan");
            assertThat(rated.followUpCall()).isFalse();
            assertThat(new String(published.get(0).value(), StandardCharsets.UTF_8))
                    .doesNotContain("感谢").doesNotContain("13800000000").doesNotContain(reporter);
        }
        client.get().uri("/api/ratings/" + caseId).header(HttpHeaders.AUTHORIZATION, resident(reporter)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.comment").isEqualTo(COMMENT);
    }

    @Test
    void givenAResidentsTwoRatings_whenTheyListRatingsPageByPage_thenTheirOwnComeNewestFirstWithTheTotal() {
        String reporter = "resident-" + UUID.randomUUID();
        String older = closedCase(reporter, Instant.now().minus(Duration.ofHours(3)));
        String newer = closedCase(reporter, Instant.now().minus(Duration.ofHours(2)));
        rate(resident(reporter), older, "SATISFIED", null).expectStatus().isCreated();
        pauseSoTheNextRatingIsLater();
        rate(resident(reporter), newer, "BASICALLY_SATISFIED", null).expectStatus().isCreated();

        client.get().uri("/api/ratings?size=1").header(HttpHeaders.AUTHORIZATION, resident(reporter)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.totalItems").isEqualTo(2).jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].caseId").isEqualTo(newer);
        client.get().uri("/api/ratings?size=1&page=1").header(HttpHeaders.AUTHORIZATION, resident(reporter)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].caseId").isEqualTo(older);
        client.get().uri("/api/ratings?page=-1").header(HttpHeaders.AUTHORIZATION, resident(reporter)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
    }

    @Test
    void givenARatedCase_whenRatedAgain_thenConflictAndTheFirstRatingStands() {
        String reporter = "resident-" + UUID.randomUUID();
        String caseId = closedCase(reporter, Instant.now().minus(Duration.ofHours(2)));
        rate(resident(reporter), caseId, "SATISFIED", null).expectStatus().isCreated();

        rate(resident(reporter), caseId, "DISSATISFIED", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:grassroots:problem:already-exists");
        rate(DISPATCHER, caseId, "DISSATISFIED", null).expectStatus().isEqualTo(409);

        client.get().uri("/api/ratings/" + caseId).header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.satisfaction").isEqualTo("SATISFIED");
    }

    @Test
    void givenACaseStillBeingHandled_whenItsReporterRatesIt_thenConflictNamingItsStatus() {
        String reporter = "resident-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        CASE_SERVICE.add(new StoredCase(caseId, "QJP-20260318-0001", "CLAIMED", "EXPOSED_RUBBISH", "qjp-pulou-chengnan",
                CHENGNAN, Instant.now().minus(Duration.ofDays(2)), null, reporter, "dept-urban"));

        rate(resident(reporter), caseId, "SATISFIED", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:grassroots:problem:invalid-state")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("CLAIMED"));
    }

    @Test
    void givenACaseClosedEightDaysAgo_whenItsReporterRatesIt_thenTheSevenDayWindowHasPassed() {
        String reporter = "resident-" + UUID.randomUUID();
        String caseId = closedCase(reporter, Instant.now().minus(Duration.ofDays(8)));

        rate(resident(reporter), caseId, "SATISFIED", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("7 days"));
    }

    @Test
    void givenAnotherResidentsCase_whenRated_thenNotFoundAsIfItDidNotExist() {
        String caseId = closedCase("resident-" + UUID.randomUUID(), Instant.now().minus(Duration.ofDays(1)));

        rate(resident("resident-" + UUID.randomUUID()), caseId, "DISSATISFIED", null).expectStatus().isNotFound();
        client.get().uri("/api/ratings/" + caseId)
                .header(HttpHeaders.AUTHORIZATION, resident("resident-" + UUID.randomUUID())).exchange()
                .expectStatus().isNotFound();
    }

    @ParameterizedTest
    @CsvSource({"401, unauthorized", "403, forbidden", "429, too-many-requests"})
    void givenCaseServiceRefusingTheCall_whenARatingComesIn_thenTheRefusalIsPassedOnNotReadAsNotFound(int status,
            String type) {
        String reporter = "resident-" + UUID.randomUUID();
        String caseId = closedCase(reporter, Instant.now().minus(Duration.ofDays(1)));
        CASE_SERVICE.refuseWith(caseId, status);

        rate(resident(reporter), caseId, "SATISFIED", null).expectStatus().isEqualTo(status)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:" + type)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("case-service"));
        client.get().uri("/api/ratings/" + caseId).header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void givenAFollowUpCall_whenCommunityStaffOfTheCasesAreaEnterTheRating_thenItIsMarkedAsSuch() {
        String caseId = closedCase("resident-" + UUID.randomUUID(), Instant.now().minus(Duration.ofDays(3)));

        rate(HEBIN_STAFF, caseId, "SATISFIED", null).expectStatus().isNotFound();
        rate(DISPATCHER, caseId, "BASICALLY_SATISFIED", "回访：基本满意").expectStatus().isCreated()
                .expectBody().jsonPath("$.followUpCall").isEqualTo(true);
    }

    @Test
    void givenTheDepartmentThatHandledTheCase_whenItTriesToRateIt_thenForbidden() {
        String caseId = closedCase("resident-" + UUID.randomUUID(), Instant.now().minus(Duration.ofDays(1)));

        rate(URBAN, caseId, "SATISFIED", null).expectStatus().isForbidden();
    }

    @Test
    void givenCaseServiceFailing_whenARatingComesIn_thenServiceUnavailableNamingItAndNothingIsStored() {
        String reporter = "resident-" + UUID.randomUUID();
        String caseId = closedCase(reporter, Instant.now().minus(Duration.ofDays(1)));
        CASE_SERVICE.failFor(caseId);

        rate(resident(reporter), caseId, "SATISFIED", null).expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:service-unavailable")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("case-service"));
        client.get().uri("/api/ratings/" + caseId).header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void givenAnAnswerThatIsNotOneOfTheThree_whenRated_thenBadRequestNamingTheField() {
        rate(resident("resident-1"), UUID.randomUUID().toString(), "VERY_HAPPY", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("satisfaction");
        client.post().uri("/api/ratings").header(HttpHeaders.AUTHORIZATION, resident("resident-1"))
                .contentType(MediaType.APPLICATION_JSON).body("{\"satisfaction\": \"SATISFIED\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("caseId");
    }

    @Test
    void givenNoToken_whenRating_thenUnauthorized() {
        client.post().uri("/api/ratings").contentType(MediaType.APPLICATION_JSON)
                .body("{\"caseId\": \"x\", \"satisfaction\": \"SATISFIED\"}").exchange()
                .expectStatus().isUnauthorized();
    }

    /** Waits until the clock has moved past the millisecond the store keeps, so the next rating is later. */
    private static void pauseSoTheNextRatingIsLater() {
        long now = Instant.now().toEpochMilli();
        await().pollInterval(Duration.ofMillis(1)).until(() -> Instant.now().toEpochMilli() > now);
    }

    static String closedCase(String reporter, Instant closedAt) {
        String caseId = UUID.randomUUID().toString();
        CASE_SERVICE.add(new StoredCase(caseId, "QJP-20260318-" + caseId.substring(0, 4), "CLOSED", "EXPOSED_RUBBISH",
                "qjp-pulou-chengnan", CHENGNAN, closedAt.minus(Duration.ofHours(20)), closedAt, reporter, "dept-urban"));
        return caseId;
    }

    static String resident(String subject) {
        return TestTokens.resident(subject, CHENGNAN).bearer();
    }

    ResponseSpec rate(String bearer, String caseId, String satisfaction, String comment) {
        String body = "{\"caseId\": \"" + caseId + "\", \"satisfaction\": \"" + satisfaction + "\""
                + (comment == null ? "" : ", \"comment\": \"" + comment + "\"") + "}";
        return client.post().uri("/api/ratings").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
