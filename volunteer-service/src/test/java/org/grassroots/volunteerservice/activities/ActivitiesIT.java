package org.grassroots.volunteerservice.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.Topics;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TopicProbe;
import org.grassroots.volunteerservice.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Saturday volunteer day: plan, sign up, check in and out, complete; hours and points once. */
@ServiceIntegrationTest
class ActivitiesIT {

    static final String DISPATCHER = Api.staff("dispatcher-a", Api.CHENGNAN);
    static final String HEBIN_STAFF = Api.staff("dispatcher-hebin", Api.HEBIN);

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void givenTheSaturdayVolunteerDay_whenMembersAttend_thenEachIsCreditedHoursAndPointsOnce() {
        String first = "act-pm-" + UUID.randomUUID();
        String second = "act-pm-" + UUID.randomUUID();
        String third = "act-pm-" + UUID.randomUUID();
        String id = Api.id(api.post("/api/activities", DISPATCHER, saturday(2)).expectStatus().isCreated());

        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.VOLUNTEER_EVENTS)) {
            api.post("/api/activities/" + id + "/signups", Api.partyMember(first), "{}").expectStatus().isOk();
            api.post("/api/activities/" + id + "/signups", Api.partyMember(second), "{}").expectStatus().isOk();
            api.post("/api/activities/" + id + "/signups", Api.partyMember(third), "{}").expectStatus().isEqualTo(409);
            api.post("/api/activities/" + id + "/participants/" + first + "/check-in", HEBIN_STAFF, "{}")
                    .expectStatus().isForbidden();
            api.post("/api/activities/" + id + "/participants/" + first + "/check-in", DISPATCHER, "{}")
                    .expectStatus().isOk();
            api.post("/api/activities/" + id + "/participants/" + first + "/check-out", DISPATCHER, "{\"hours\": 5}")
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("hours");
            api.post("/api/activities/" + id + "/participants/" + first + "/check-out", DISPATCHER, "{\"hours\": 3}")
                    .expectStatus().isOk();
            api.post("/api/activities/" + id + "/complete", DISPATCHER, "{}").expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("COMPLETED");

            List<ConsumerRecord<String, byte[]>> completed = probe.awaitRecords(record -> id.equals(record.key()), 1,
                    Duration.ofSeconds(30));
            assertThat(TopicProbe.header(completed.get(0), CloudEventHeaders.TYPE))
                    .isEqualTo("org.grassroots.volunteer.activity-completed");
            assertThat(new String(completed.get(0).value())).contains("\"attended\":1").contains("\"creditedMinutes\":180");
        }
        api.get("/api/timebank/accounts/me", Api.partyMember(first)).expectStatus().isOk()
                .expectBody().jsonPath("$.minutes").isEqualTo(180).jsonPath("$.transfers.length()").isEqualTo(1);
        api.get("/api/points/me", Api.partyMember(first)).expectStatus().isOk()
                .expectBody().jsonPath("$.balance").isEqualTo(3)
                .jsonPath("$.entries[0].rule").isEqualTo("ACTIVITY_ATTENDED");
        api.get("/api/activities/" + id, Api.partyMember(second)).expectStatus().isOk()
                .expectBody().jsonPath("$.signedUp").isEqualTo(2)
                .jsonPath("$.participants.length()").isEqualTo(1)
                .jsonPath("$.participants[0].userId").isEqualTo(second);
    }

    @Test
    void givenAnActivityEndingBeforeItStarts_whenPlanned_thenTheFieldIsNamed() {
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS);
        api.post("/api/activities", DISPATCHER, """
                {"title": "清理楼道", "startsAt": "%s", "endsAt": "%s", "capacity": 10}
                """.formatted(start, start.minusSeconds(3600)))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("endsAt");
        api.post("/api/activities", DISPATCHER, "{\"title\": \"清理楼道\", \"capacity\": 10}")
                .expectStatus().isBadRequest();
    }

    @Test
    void givenStaffOfAnotherCommunity_whenPlanningInThisOne_thenForbidden() {
        api.post("/api/activities", HEBIN_STAFF, saturday(10).replace("}", ", \"orgPath\": \"" + Api.CHENGNAN + "\"}"))
                .expectStatus().isForbidden();
        api.post("/api/activities", Api.partyMember("act-pm-x"), saturday(10)).expectStatus().isForbidden();
    }

    @Test
    void givenMoreActivitiesThanAPage_whenListedPageByPage_thenEachComesOnceAndTheTotalSaysHowManyThereAre() {
        Set<String> planned = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            planned.add(Api.id(api.post("/api/activities", DISPATCHER, saturday(5)).expectStatus().isCreated()));
        }

        List<String> listed = new ArrayList<>();
        long total = -1;
        for (int page = 0; total < 0 || (long) page * 2 < total; page++) {
            Map<?, ?> answer = api.get("/api/activities?size=2&page=" + page, DISPATCHER).expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            total = ((Number) answer.get("totalItems")).longValue();
            ((List<?>) answer.get("items")).forEach(item -> listed.add((String) ((Map<?, ?>) item).get("id")));
        }

        assertThat(listed).hasSize((int) total).doesNotHaveDuplicates().containsAll(planned);
        api.get("/api/activities?size=501", DISPATCHER).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    private static String saturday(int capacity) {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return """
                {"title": "党员周六志愿服务日：城南小区环境整治", "description": "清理楼道堆物、擦洗健身器材",
                 "startsAt": "%s", "endsAt": "%s", "capacity": %d}""".formatted(start, start.plusSeconds(4 * 3600),
                capacity);
    }
}
