package org.grassroots.volunteerservice.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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

/** 双报到: one home community at a time, decided by that community's staff only. */
@ServiceIntegrationTest
class RegistrationsIT {

    static final String DISPATCHER = Api.staff("dispatcher-r", Api.CHENGNAN);
    static final String HEBIN_STAFF = Api.staff("dispatcher-hebin-r", Api.HEBIN);
    static final String TO_CHENGNAN = """
            {"communityPath": "/qjp/qjp-pulou/qjp-pulou-chengnan", "workUnit": "区财政局"}""";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void givenAPartyMembersRequest_whenTheCommunityAccepts_thenItIsTheirHomeAndASecondRequestIsRefused() {
        String member = "reg-pm-" + UUID.randomUUID();
        String id = Api.id(api.post("/api/registrations", Api.partyMember(member), TO_CHENGNAN)
                .expectStatus().isCreated());

        api.get("/api/registrations/" + id, HEBIN_STAFF).expectStatus().isNotFound();
        api.post("/api/registrations/" + id + "/accept", HEBIN_STAFF, "{}").expectStatus().isNotFound();
        api.get("/api/registrations?communityId=qjp-pulou-chengnan", HEBIN_STAFF).expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + id + "')]").doesNotExist();
        api.get("/api/registrations?communityId=qjp-pulou-chengnan&status=REQUESTED", DISPATCHER).expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + id + "')].memberId").isEqualTo(member);

        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.VOLUNTEER_EVENTS)) {
            api.post("/api/registrations/" + id + "/accept", DISPATCHER, "{\"note\": \"欢迎报到\"}").expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");
            List<ConsumerRecord<String, byte[]>> accepted = probe.awaitRecords(record -> id.equals(record.key()), 1,
                    Duration.ofSeconds(30));
            assertThat(TopicProbe.header(accepted.get(0), CloudEventHeaders.TYPE))
                    .isEqualTo("org.grassroots.volunteer.registration-accepted");
            assertThat(new String(accepted.get(0).value())).contains(member).doesNotContain("区财政局");
        }

        api.post("/api/registrations", Api.partyMember(member), TO_CHENGNAN.replace("chengnan", "hebin"))
                .expectStatus().isEqualTo(409);
        api.post("/api/registrations/" + id + "/end", Api.partyMember("reg-someone-else"), "{}")
                .expectStatus().isNotFound();
        api.post("/api/registrations/" + id + "/end", Api.partyMember(member), "{}").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ENDED");
        api.post("/api/registrations", Api.partyMember(member), TO_CHENGNAN.replace("chengnan", "hebin"))
                .expectStatus().isCreated();
        api.get("/api/registrations/mine", Api.partyMember(member)).expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(2).jsonPath("$.totalItems").isEqualTo(2);
        api.get("/api/registrations/mine?size=1&page=1", Api.partyMember(member)).expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.totalItems").isEqualTo(2)
                .jsonPath("$.page").isEqualTo(1).jsonPath("$.size").isEqualTo(1);
    }

    @Test
    void givenADeclineWithoutAReason_whenSent_thenTheReasonIsNamed() {
        String member = "reg-pm-" + UUID.randomUUID();
        String id = Api.id(api.post("/api/registrations", Api.partyMember(member), TO_CHENGNAN)
                .expectStatus().isCreated());

        api.post("/api/registrations/" + id + "/decline", DISPATCHER, "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        api.post("/api/registrations/" + id + "/decline", DISPATCHER, "{\"reason\": \"不在本社区居住或工作\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DECLINED");
        api.post("/api/registrations", Api.partyMember(member), TO_CHENGNAN.replace("chengnan", "hebin"))
                .expectStatus().isCreated();
    }

    @Test
    void givenAResidentOrABadCommunity_whenRegistering_thenRefused() {
        api.post("/api/registrations", Api.resident("reg-resident"), TO_CHENGNAN).expectStatus().isForbidden();
        api.post("/api/registrations", Api.partyMember("reg-pm-bad"),
                        "{\"communityPath\": \"/qjp/qjp-pulou\", \"workUnit\": \"区财政局\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("communityPath");
    }
}
