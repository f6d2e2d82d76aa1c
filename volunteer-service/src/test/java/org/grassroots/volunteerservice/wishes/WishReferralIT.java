package org.grassroots.volunteerservice.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.volunteerservice.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** 微心愿转诉求: a wish that needs a department becomes a case in case-service, and the two name each other. */
@ServiceIntegrationTest
@Import(WishReferralIT.StandInCaseService.class)
class WishReferralIT {

    static final String DISPATCHER = Api.staff("dispatcher-r", Api.CHENGNAN);
    static final String HEBIN_STAFF = Api.staff("dispatcher-hebin-r", Api.HEBIN);
    static final String REFER = """
            {"categoryCode": "BROKEN_STREET_LIGHT", "description": "5号楼前路灯不亮，老人夜里出门看不清路",
             "point": {"lon": 119.0213, "lat": 33.6012}, "locationDescription": "城南小区5号楼前"}
            """;

    /** case-service as the referral sees it: one case per wish, the same case when sent again. */
    @TestConfiguration
    static class StandInCaseService {

        @Bean
        @Primary
        Filed filed() {
            return new Filed();
        }
    }

    static class Filed implements CaseFiling {

        final List<WishCase> calls = new ArrayList<>();

        @Override
        public String file(WishCase wishCase, String bearerToken) {
            calls.add(wishCase);
            return "case-of-" + wishCase.wishId();
        }
    }

    @Autowired
    Filed cases;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void givenAPostedWishThatNeedsADepartment_whenStaffReferIt_thenTheWishNamesTheCaseFiledForIt() {
        String id = wish();

        api.post("/api/wishes/" + id + "/refer", DISPATCHER, REFER).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REFERRED")
                .jsonPath("$.caseId").isEqualTo("case-of-" + id);

        assertThat(cases.calls).last().satisfies(call -> {
            assertThat(call.wishId()).isEqualTo(id);
            assertThat(call.categoryCode()).isEqualTo("BROKEN_STREET_LIGHT");
        });
        api.get("/api/wishes/" + id, DISPATCHER).expectStatus().isOk().expectBody()
                .jsonPath("$.caseId").isEqualTo("case-of-" + id);
    }

    @Test
    void givenAReferredWish_whenReferredAgain_thenItIsRefusedAndNothingIsFiled() {
        String id = wish();
        api.post("/api/wishes/" + id + "/refer", DISPATCHER, REFER).expectStatus().isOk();
        int filed = cases.calls.size();

        api.post("/api/wishes/" + id + "/refer", DISPATCHER, REFER).expectStatus().isEqualTo(409);

        assertThat(cases.calls).hasSize(filed);
    }

    @Test
    void givenAWish_whenSomeoneOutsideItsCommunityOrAResidentRefersIt_thenTheyAreRefused() {
        String id = wish();

        api.post("/api/wishes/" + id + "/refer", HEBIN_STAFF, REFER).expectStatus().isNotFound();
        api.post("/api/wishes/" + id + "/refer", Api.resident("wish-ref-neighbour"), REFER).expectStatus().isForbidden();
    }

    private String wish() {
        return Api.id(api.post("/api/wishes", Api.resident("wish-ref-" + UUID.randomUUID()),
                "{\"title\": \"希望修好路灯\", \"description\": \"5号楼前路灯坏了很久\"}").expectStatus().isCreated());
    }
}
