package org.grassroots.volunteerservice.points;

import java.util.UUID;

import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.volunteerservice.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Manual awards with a reason and an audit trail, leaderboards and ledgers within the caller's area, the scheme. */
@ServiceIntegrationTest
class PointsApiIT {

    static final String DISPATCHER = Api.staff("dispatcher-p", Api.CHENGNAN);
    static final String HEBIN_STAFF = Api.staff("dispatcher-hebin-p", Api.HEBIN);
    static final String ADMIN = TestTokens.user("admin-p").roles("district_admin", "platform_admin").orgPath("/qjp")
            .bearer();

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void givenAManualAwardWithAReason_whenRetried_thenItCountsOnceAndIsAudited() {
        String member = "pts-pm-" + UUID.randomUUID();
        String award = """
                {"userId": "%s", "points": 8, "reason": "组织楼道清理", "gridCode": "320812001001001",
                 "requestId": "%s"}""".formatted(member, UUID.randomUUID());

        api.post("/api/points/awards", DISPATCHER, award).expectStatus().isCreated()
                .expectBody().jsonPath("$.awardedBy").isEqualTo("dispatcher-p")
                .jsonPath("$.rule").isEqualTo("MANUAL_AWARD");
        api.post("/api/points/awards", DISPATCHER, award).expectStatus().isCreated();

        api.get("/api/points/me", Api.partyMember(member)).expectStatus().isOk()
                .expectBody().jsonPath("$.balance").isEqualTo(8).jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].reason").isEqualTo("组织楼道清理");
        api.get("/api/points/awards", DISPATCHER).expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.userId == '" + member + "')].awardedBy").isEqualTo("dispatcher-p");
        api.get("/api/points/awards", HEBIN_STAFF).expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.userId == '" + member + "')]").doesNotExist();
    }

    @Test
    void givenABadOrOutOfAreaAward_whenSent_thenRefusedWithTheReason() {
        api.post("/api/points/awards", DISPATCHER, "{\"userId\": \"pts-x\", \"points\": 3}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        api.post("/api/points/awards", DISPATCHER, "{\"userId\": \"pts-x\", \"points\": 500, \"reason\": \"太多\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("points");
        api.post("/api/points/awards", HEBIN_STAFF, """
                {"userId": "pts-x", "points": 3, "reason": "帮助邻居", "orgPath": "%s"}""".formatted(Api.CHENGNAN))
                .expectStatus().isForbidden();
        api.post("/api/points/awards", DISPATCHER, "{\"userId\": \"dispatcher-p\", \"points\": 3, \"reason\": \"自己\"}")
                .expectStatus().isForbidden();
        api.post("/api/points/awards", Api.partyMember("pts-pm"), "{\"userId\": \"pts-x\", \"points\": 3, \"reason\": \"r\"}")
                .expectStatus().isForbidden();
    }

    @Test
    void givenAwardsInACommunity_whenLeaderboardsAndLedgersAreRead_thenOnlyTheCallersAreaShows() {
        String best = "pts-best-" + UUID.randomUUID();
        String next = "pts-next-" + UUID.randomUUID();
        award(best, 12, "320812001002001");
        award(next, 6, "320812001002001");
        award(best, -2, "320812001002001");

        api.get("/api/points/leaderboard?gridCode=320812001002001", DISPATCHER).expectStatus().isOk()
                .expectBody().jsonPath("$[0].userId").isEqualTo(best).jsonPath("$[0].balance").isEqualTo(10)
                .jsonPath("$[0].rank").isEqualTo(1).jsonPath("$[1].userId").isEqualTo(next);
        api.get("/api/points/leaderboard?communityId=qjp-pulou-chengnan", Api.partyMember("pts-pm")).expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.userId == '" + best + "')].balance").isEqualTo(10);
        api.get("/api/points/leaderboard?communityId=qjp-pulou-chengnan", HEBIN_STAFF).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        api.get("/api/points/leaderboard", DISPATCHER).expectStatus().isBadRequest();
        api.get("/api/points/leaderboard?communityId=qjp-pulou-chengnan", Api.resident("pts-res")).expectStatus()
                .isForbidden();

        api.get("/api/points/members/" + best, DISPATCHER).expectStatus().isOk()
                .expectBody().jsonPath("$.balance").isEqualTo(10);
        api.get("/api/points/members/" + best, HEBIN_STAFF).expectStatus().isNotFound();
        api.get("/api/points/members/" + best, Api.partyMember(next)).expectStatus().isNotFound();
        api.get("/api/points/me?year=1999", Api.partyMember(best)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("year");
    }

    @Test
    void givenACourierAffiliatedWithTheIndustryCommittee_whenItsLeaderboardIsRead_thenTheirPointsFromAnyCommunityCount() {
        String courier = "pts-courier-" + UUID.randomUUID();
        award(courier, 4, "320812001001001");

        api.put("/api/points/affiliations/" + courier, DISPATCHER, "{\"orgPath\": \"/qjp/qjp-kuaidi\"}")
                .expectStatus().isForbidden();
        api.put("/api/points/affiliations/" + courier, ADMIN, "{\"orgPath\": \"/qjp/qjp-kuaidi\"}")
                .expectStatus().isOk();

        api.get("/api/points/leaderboard?affiliation=/qjp/qjp-kuaidi", ADMIN).expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.userId == '" + courier + "')].balance").isEqualTo(4);
        api.get("/api/points/leaderboard?affiliation=/qjp/qjp-kuaidi", DISPATCHER).expectStatus().isForbidden();
    }

    @Test
    void givenTheScheme_whenAdministratorsReviseIt_thenStaleVersionsAndBadValuesAreRefused() {
        String scheme = api.get("/api/points/rules", Api.partyMember("pts-pm")).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        api.put("/api/points/rules", DISPATCHER, scheme).expectStatus().isForbidden();
        api.put("/api/points/rules", ADMIN, scheme.replace("\"floor\":0", "\"floor\":5")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("floor");
        api.put("/api/points/rules", ADMIN, scheme).expectStatus().isOk();
        api.put("/api/points/rules", ADMIN, scheme).expectStatus().isEqualTo(409);
    }

    private void award(String member, int points, String gridCode) {
        api.post("/api/points/awards", DISPATCHER, """
                {"userId": "%s", "points": %d, "reason": "网格巡查", "gridCode": "%s"}"""
                .formatted(member, points, gridCode)).expectStatus().isCreated();
    }
}
