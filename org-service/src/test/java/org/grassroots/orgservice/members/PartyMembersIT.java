package org.grassroots.orgservice.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.orgservice.OrgApi;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Party members through the API: profile and masking, transfers with history, counts, scope. */
@ServiceIntegrationTest
class PartyMembersIT {

    static final String PLATFORM_ADMIN = TestTokens.user("platform-admin-1").roles("platform_admin").bearer();

    @LocalServerPort
    int port;

    OrgApi api;
    String d;
    String street;
    String chengnan;
    String hebin;
    String dispatcher;
    String streetStaff;
    String partyMemberId;
    String partyMember;

    @BeforeEach
    void district() {
        api = new OrgApi(port);
        d = OrgApi.fresh("m");
        street = d + "-pulou";
        chengnan = street + "-chengnan";
        hebin = street + "-hebin";
        api.create(PLATFORM_ADMIN, d, "清江浦区委", "DISTRICT", null);
        api.create(PLATFORM_ADMIN, street, "浦楼街道党工委", "STREET", d);
        for (String community : List.of(chengnan, hebin)) {
            api.create(PLATFORM_ADMIN, community, "社区党委", "COMMUNITY", street);
            api.create(PLATFORM_ADMIN, community + "-g01", "第一网格党支部", "GRID_BRANCH", community);
            api.create(PLATFORM_ADMIN, community + "-g02", "第二网格党支部", "GRID_BRANCH", community);
        }
        dispatcher = TestTokens.staff("dispatcher-" + d, "community_staff", "/" + d + "/" + street + "/" + chengnan).bearer();
        streetStaff = TestTokens.staff("street-" + d, "street_staff", "/" + d + "/" + street).bearer();
        partyMemberId = "user-" + d;
        partyMember = TestTokens.user(partyMemberId).roles("party_member", "volunteer")
                .orgPath("/" + d + "/" + street + "/" + chengnan).bearer();
    }

    private Map<String, Object> member(String id, String unit, String phone, List<String> roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", "王建国");
        body.put("phone", phone);
        body.put("joinedOn", "1998-07-01");
        body.put("status", "IN_SERVICE");
        body.put("unitCode", unit);
        body.put("roles", roles);
        body.put("userId", partyMemberId);
        return body;
    }

    @Test
    void givenRegisteredMember_whenRead_thenOnlyTheMemberAndTheirCommunityStaffSeeThePhoneInFull() {
        String id = d + "-m1";
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), "org-events")) {
            api.post("/api/members", dispatcher, member(id, chengnan + "-g01", "13812341234", List.of("SECRETARY")))
                    .expectStatus().isCreated()
                    .expectBody().jsonPath("$.phone").isEqualTo("13812341234");

            var joined = probe.awaitRecords(r -> id.equals(r.key())
                    && "org.grassroots.org.member-joined".equals(TopicProbe.header(r, "ce_type")), 1, Duration.ofSeconds(30));
            String payload = new String(joined.get(0).value());
            assertThat(payload).contains("\"unitCode\":\"" + chengnan + "-g01\"").contains("SECRETARY")
                    .doesNotContain("王建国").doesNotContain("13812341234").doesNotContain("1234\"");
        }

        assertThat(api.getJson("/api/members/" + id, streetStaff))
                .containsEntry("phone", "138****1234").containsEntry("phoneMasked", true)
                .containsEntry("unitPath", "/" + d + "/" + street + "/" + chengnan + "/" + chengnan + "-g01");
        assertThat(api.getJson("/api/members/me", partyMember))
                .containsEntry("id", id).containsEntry("phone", "13812341234");
        assertThat(api.getJson("/api/members/" + id, partyMember)).containsEntry("phone", "13812341234");
    }

    @Test
    void givenMemberOfAnotherCommunity_whenStaffOrAnotherMemberLook_thenItDoesNotExistForThem() {
        String id = d + "-m2";
        String hebinStaff = TestTokens.staff("hebin-" + d, "community_staff", "/" + d + "/" + street + "/" + hebin).bearer();
        String otherMember = TestTokens.user("someone-else").roles("party_member").bearer();
        api.post("/api/members", dispatcher, member(id, chengnan + "-g01", "13812341234", List.of()))
                .expectStatus().isCreated();

        api.get("/api/members/" + id, hebinStaff).expectStatus().isNotFound();
        api.get("/api/members/" + id, otherMember).expectStatus().isNotFound();
        api.put("/api/members/" + id, hebinStaff, Map.of("name", "x", "status", "RETIRED")).expectStatus().isNotFound();
        api.post("/api/members", hebinStaff, member(d + "-m3", chengnan + "-g02", null, List.of()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("unitCode");
        api.get("/api/members?unitCode=" + chengnan, hebinStaff).expectStatus().isNotFound();
    }

    @Test
    void givenMember_whenTransferredTwice_thenTheHistoryKeepsBothAndTheEventNamesTheUnitLeft() {
        String id = d + "-m4";
        api.post("/api/members", streetStaff, member(id, chengnan + "-g01", "13912345678", List.of("BUILDING_LEADER")))
                .expectStatus().isCreated();

        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), "org-events")) {
            api.post("/api/members/" + id + "/transfer", streetStaff,
                    Map.of("toUnitCode", hebin + "-g02", "reason", "搬家", "version", 1))
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.unitCode").isEqualTo(hebin + "-g02").jsonPath("$.version").isEqualTo(2);
            var transferred = probe.awaitRecords(r -> id.equals(r.key())
                    && "org.grassroots.org.member-transferred".equals(TopicProbe.header(r, "ce_type")), 1,
                    Duration.ofSeconds(30));
            assertThat(new String(transferred.get(0).value())).contains("\"previousUnitCode\":\"" + chengnan + "-g01\"");
        }
        api.post("/api/members/" + id + "/transfer", streetStaff, Map.of("toUnitCode", chengnan + "-g02"))
                .expectStatus().isOk();

        Map<String, Object> member = api.getJson("/api/members/" + id, streetStaff);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> transfers = (List<Map<String, Object>>) member.get("transfers");
        assertThat(transfers).extracting(t -> t.get("toUnitCode")).containsExactly(hebin + "-g02", chengnan + "-g02");
        assertThat(transfers.get(0)).containsEntry("fromUnitCode", chengnan + "-g01").containsEntry("reason", "搬家");
        api.post("/api/members/" + id + "/transfer", streetStaff, Map.of("toUnitCode", hebin + "-g01", "version", 1))
                .expectStatus().isEqualTo(409);
        api.post("/api/members/" + id + "/transfer", dispatcher, Map.of("toUnitCode", hebin + "-g01"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("toUnitCode");
    }

    @Test
    void givenMembers_whenCounted_thenTotalsPerStatusLevelAndChildUnitAdd() {
        api.post("/api/members", streetStaff, member(d + "-c1", chengnan + "-g01", null, List.of())).expectStatus().isCreated();
        api.post("/api/members", streetStaff, member(d + "-c2", chengnan + "-g02", null, List.of())).expectStatus().isCreated();
        Map<String, Object> retired = member(d + "-c3", hebin, null, List.of());
        retired.put("status", "RETIRED");
        api.post("/api/members", streetStaff, retired).expectStatus().isCreated();

        Map<String, Object> counts = api.getJson("/api/members/counts?unitCode=" + street, streetStaff);

        assertThat(counts).containsEntry("total", 3).containsEntry("direct", 0);
        assertThat(counts.get("byStatus")).isEqualTo(Map.of("IN_SERVICE", 2, "RETIRED", 1));
        assertThat(counts.get("byLevel")).isEqualTo(Map.of("GRID_BRANCH", 2, "COMMUNITY", 1));
        assertThat(counts.get("children")).isEqualTo(List.of(
                Map.of("code", chengnan, "name", "社区党委", "type", "COMMUNITY", "total", 2),
                Map.of("code", hebin, "name", "社区党委", "type", "COMMUNITY", "total", 1)));
        Map<String, Object> page = api.getJson("/api/members?unitCode=" + chengnan + "&subtree=true", dispatcher);
        assertThat(page.get("totalItems")).isEqualTo(2);
        api.post("/api/orgs/" + hebin + "-g01/retire", streetStaff, Map.of()).expectStatus().isOk();
    }

    @Test
    void givenGridWorkerOrBadInput_whenChangingAMember_thenForbiddenOrProblemNamingTheField() {
        String id = d + "-m5";
        String gridWorker = TestTokens.staff("grid-" + d, "grid_worker", "/" + d + "/" + street + "/" + chengnan).bearer();
        api.post("/api/members", dispatcher, member(id, chengnan + "-g01", "13812341234", List.of()))
                .expectStatus().isCreated();

        assertThat(api.getJson("/api/members/" + id, gridWorker)).containsEntry("phone", "138****1234");
        api.put("/api/members/" + id, gridWorker, Map.of("name", "王建国", "status", "RETIRED")).expectStatus().isForbidden();
        api.post("/api/members", dispatcher, member(d + "-m6", chengnan + "-g01", "12345", List.of()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("phone");
        Map<String, Object> badRole = member(d + "-m7", chengnan + "-g01", null, List.of("KING"));
        api.post("/api/members", dispatcher, badRole).expectStatus().isBadRequest();
        api.post("/api/members", dispatcher, member(id, chengnan + "-g01", null, List.of())).expectStatus().isEqualTo(409);
        api.put("/api/members/" + id, dispatcher, Map.of("name", "王建国", "status", "FLOATING", "version", 1))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("FLOATING");
        api.put("/api/members/" + id, dispatcher, Map.of("name", "王建国", "status", "RETIRED", "version", 1))
                .expectStatus().isEqualTo(409);
        api.post("/api/orgs/" + chengnan + "-g01/retire", streetStaff, Map.of()).expectStatus().isEqualTo(409);
    }
}
