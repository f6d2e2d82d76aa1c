package org.grassroots.evaluationservice.rectifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.evaluation.RectificationLifted;
import org.grassroots.contracts.evaluation.RectificationListed;
import org.grassroots.evaluationservice.CaseEventsFixture;
import org.grassroots.evaluationservice.StandInCaseService.StoredCase;
import org.grassroots.evaluationservice.WithStandInCaseService;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A community goes on the rectification list when its quarter's satisfaction falls below 60% on at
 * least the minimum number of ratings (3 in these tests), and leaves it at exactly 60%.
 */
class RectificationIT extends WithStandInCaseService {

    static final Instant REPORTED = Instant.now().minus(Duration.ofHours(30)).truncatedTo(ChronoUnit.SECONDS);
    static final String ADMIN = TestTokens.staff("admin-1", "district_admin", "/qjp").bearer();

    final EventCodec codec = new EventCodec();

    @Test
    void givenRatingsOneByOne_whenSatisfactionCrossesSixtyPercent_thenTheCommunityIsListedAndLiftedWithEvents() {
        String street = "street-" + UUID.randomUUID().toString().substring(0, 8);
        String community = street + "-community";
        List<String> cases = new ArrayList<>();
        List<String> reporters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CaseEventsFixture aCase = CaseEventsFixture.newCase(street, community);
            String reporter = "resident-" + UUID.randomUUID();
            publish(aCase.reported(REPORTED), aCase.closed(6, REPORTED, Duration.ofHours(20), true, "dept-urban"));
            CASE_SERVICE.add(new StoredCase(aCase.caseId(), "QJP-R-" + i, "CLOSED", "EXPOSED_RUBBISH", community,
                    aCase.orgPath(), REPORTED, REPORTED.plus(Duration.ofHours(20)), reporter, "dept-urban"));
            cases.add(aCase.caseId());
            reporters.add(reporter);
        }
        String streetStaff = TestTokens.staff("street-1", "street_staff", "/qjp/" + street).bearer();
        eventually(() -> client.get().uri("/api/stats?groupBy=community").header(HttpHeaders.AUTHORIZATION, streetStaff)
                .exchange().expectBody().jsonPath("$[0].closed").isEqualTo(5));

        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.EVALUATION_EVENTS)) {
            rate(cases, reporters, 0, "DISSATISFIED");
            rate(cases, reporters, 1, "DISSATISFIED");
            expectOnList(streetStaff, community, false, "0 of 2 satisfied, but below the minimum of 3 ratings");

            rate(cases, reporters, 2, "SATISFIED");
            expectOnList(streetStaff, community, true, "1 of 3 satisfied: 33%");
            rate(cases, reporters, 3, "BASICALLY_SATISFIED");
            expectOnList(streetStaff, community, true, "2 of 4 satisfied: 50%");

            rate(cases, reporters, 4, "SATISFIED");
            expectOnList(streetStaff, community, false, "3 of 5 satisfied: exactly 60% is not below 60%");

            var listed = probe.awaitRecords(r -> r.key().contains(":" + community + ":")
                    && "org.grassroots.evaluation.rectification-listed".equals(TopicProbe.header(r, "ce_type")), 1, PATIENCE);
            var lifted = probe.awaitRecords(r -> r.key().contains(":" + community + ":")
                    && "org.grassroots.evaluation.rectification-lifted".equals(TopicProbe.header(r, "ce_type")), 1, PATIENCE);
            RectificationListed wentOn = codec.read(listed.get(0).value(), RectificationListed.class);
            RectificationLifted cameOff = codec.read(lifted.get(0).value(), RectificationLifted.class);
            assertThat(listed).hasSize(1);
            assertThat(wentOn.ratings()).isEqualTo(3);
            assertThat(wentOn.satisfactionRate()).isEqualByComparingTo("0.3333");
            assertThat(wentOn.orgPath()).isEqualTo("/qjp/" + street + "/" + community);
            assertThat(cameOff.ratings()).isEqualTo(5);
            assertThat(cameOff.satisfactionRate()).isEqualByComparingTo("0.6");
            assertThat(cameOff.aggregateVersion()).isEqualTo(2);
        }
    }

    @Test
    void givenTheRules_whenADistrictAdminRaisesTheMinimum_thenTheRuleIsStoredAsDataAndStaffCannotChangeIt() {
        String rule = "{\"description\": \"居民满意度按月考核\", \"threshold\": 0.7, \"minimumRatings\": 10,"
                + " \"period\": \"month\", \"active\": false}";
        client.put().uri("/api/rectifications/rules/satisfaction-monthly").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).body(rule).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.minimumRatings").isEqualTo(10);
        client.put().uri("/api/rectifications/rules/satisfaction-monthly")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("s", "community_staff", "/qjp/a/b").bearer())
                .contentType(MediaType.APPLICATION_JSON).body(rule).exchange()
                .expectStatus().isForbidden();
        client.put().uri("/api/rectifications/rules/satisfaction-monthly").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).body(rule.replace("0.7", "1.5")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("threshold");
        client.get().uri("/api/rectifications/rules").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == 'satisfaction-quarterly')].minimumRatings").isEqualTo(3)
                .jsonPath("$[?(@.id == 'satisfaction-monthly')].active").isEqualTo(false);
    }

    private void rate(List<String> cases, List<String> reporters, int i, String satisfaction) {
        client.post().uri("/api/ratings")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident(reporters.get(i), "/qjp").bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"caseId\": \"" + cases.get(i) + "\", \"satisfaction\": \"" + satisfaction + "\"}")
                .exchange().expectStatus().isCreated();
    }

    private void expectOnList(String staff, String community, boolean listed, String why) {
        var body = client.get().uri("/api/rectifications").header(HttpHeaders.AUTHORIZATION, staff).exchange()
                .expectStatus().isOk().expectBody();
        if (listed) {
            body.jsonPath("$[?(@.communityId == '" + community + "')].listed").isEqualTo(true);
        } else {
            body.jsonPath("$[?(@.communityId == '" + community + "')]").doesNotExist();
        }
        assertThat(why).isNotBlank();
    }
}
