package org.grassroots.caseservice.cases;

import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** 微心愿转诉求: a wish that needs a department becomes one case, named by the wish's id, however often it is sent. */
@ServiceIntegrationTest
class WishCaseIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String DISPATCHER = TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer();
    static final String RESIDENT = TestTokens.resident("resident-1", CHENGNAN).bearer();
    static final String WISH = """
            {"wishId": "wish-42", "categoryCode": "BROKEN_STREET_LIGHT",
             "description": "微心愿：希望修好5号楼前路灯，老人夜里出门看不清路",
             "point": {"lon": 119.0213, "lat": 33.6012}, "locationDescription": "城南小区5号楼前"}
            """;

    @LocalServerPort
    int port;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void givenAWishThatNeedsADepartment_whenStaffReferItTwice_thenOneCaseFromTheWishWallNamesTheWish() {
        String id = post(DISPATCHER, WISH).expectStatus().isCreated().expectBody(IdView.class).returnResult()
                .getResponseBody().id();

        post(DISPATCHER, WISH).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(id);
        client.get().uri("/api/cases/" + id).header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.channel").isEqualTo("WISH_WALL")
                .jsonPath("$.externalId").isEqualTo("wish-42");
    }

    @Test
    void givenAResident_whenTheyTryToTurnAWishIntoACase_thenTheyAreRefused() {
        post(RESIDENT, WISH).expectStatus().isForbidden();
    }

    private RestTestClient.ResponseSpec post(String bearer, String body) {
        return client.post().uri("/api/cases/from-wish").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    record IdView(String id) {
    }
}
