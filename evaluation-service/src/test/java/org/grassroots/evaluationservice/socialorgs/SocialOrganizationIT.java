package org.grassroots.evaluationservice.socialorgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.grassroots.evaluationservice.PartnerEventsFixture;
import org.grassroots.evaluationservice.WithStandInCaseService;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Social organisations, org-service's partners known from {@code org-events}: stars from assessment
 * scores, reviewed and adjusted by the district, scoped by the partner's area. (Until evaluation
 * followed org-service's partners these tests registered the organisations through evaluation's own
 * {@code PUT}; now they publish the partner events.)
 */
class SocialOrganizationIT extends WithStandInCaseService {

    static final String PULOU = TestTokens.staff("street-1", "street_staff", "/qjp/qjp-pulou").bearer();
    static final String CHANGXI = TestTokens.staff("street-2", "street_staff", "/qjp/qjp-changxi").bearer();
    static final String ADMIN = TestTokens.staff("admin", "district_admin", "/qjp").bearer();

    @Test
    void givenAssessmentScores_whenRatedReviewedAndAdjusted_thenStarsFollowTheScoresUntilTheDistrictChangesThem() {
        String id = "shehui-" + UUID.randomUUID().toString().substring(0, 8);
        known(PartnerEventsFixture.socialOrganization(id, "浦楼邻里互助会", "/qjp/qjp-pulou", "qjp-pulou-chengnan",
                "qjp-pulou-hebin"));

        // 0.4 × 90 + 0.3 × 85 + 0.3 × 80 = 85.5 → four stars
        client.put().uri("/api/evaluations/social-organizations/" + id + "/assessments/2026")
                .header(HttpHeaders.AUTHORIZATION, PULOU).contentType(MediaType.APPLICATION_JSON)
                .body("{\"organisationScore\": 90, \"integrityScore\": 85, \"fundsScore\": 80}").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.assessments[0].score").isEqualTo(85.5)
                .jsonPath("$.assessments[0].stars").isEqualTo(4)
                .jsonPath("$.assessments[0].status").isEqualTo("PROPOSED");

        review(id, PULOU, "{\"stars\": 4}").expectStatus().isForbidden();
        review(id, ADMIN, "{\"stars\": 5}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        review(id, ADMIN, "{\"stars\": 5, \"reason\": \"承接社区养老服务成效突出\"}").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.assessments[0].stars").isEqualTo(5)
                .jsonPath("$.assessments[0].computedStars").isEqualTo(4)
                .jsonPath("$.assessments[0].status").isEqualTo("REVIEWED")
                .jsonPath("$.assessments[0].adjustments[0].from").isEqualTo(4);
    }

    @Test
    void givenAnOrganisationOfAnotherStreet_whenReadOrAssessed_thenNotFound() {
        String id = "shehui-" + UUID.randomUUID().toString().substring(0, 8);
        known(PartnerEventsFixture.socialOrganization(id, "浦楼志愿者协会", "/qjp/qjp-pulou", "qjp-pulou-chengnan",
                "qjp-pulou-hebin"));

        client.get().uri("/api/evaluations/social-organizations/" + id).header(HttpHeaders.AUTHORIZATION, CHANGXI)
                .exchange().expectStatus().isNotFound();
        client.put().uri("/api/evaluations/social-organizations/" + id + "/assessments/2026")
                .header(HttpHeaders.AUTHORIZATION, CHANGXI).contentType(MediaType.APPLICATION_JSON)
                .body("{\"organisationScore\": 10, \"integrityScore\": 10, \"fundsScore\": 10}").exchange()
                .expectStatus().isNotFound();
        client.put().uri("/api/evaluations/social-organizations/" + id + "/assessments/2026")
                .header(HttpHeaders.AUTHORIZATION, PULOU).contentType(MediaType.APPLICATION_JSON)
                .body("{\"organisationScore\": 101, \"integrityScore\": 10, \"fundsScore\": 10}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("organisationScore");
    }

    @Test
    void givenAPropertyCompanysOrAnUnknownCode_whenAssessedAsASocialOrganisation_thenNotFoundNamingTheField() {
        String company = "wuye-" + UUID.randomUUID().toString().substring(0, 8);
        publishPartner(PartnerEventsFixture.propertyCompany(company, "某物业", "/qjp/qjp-pulou", "qjp-pulou-chengnan")
                .registered());
        eventually(() -> client.get().uri("/api/evaluations/property-companies/" + company)
                .header(HttpHeaders.AUTHORIZATION, ADMIN).exchange().expectStatus().isOk());

        for (String code : new String[] {company, "shehui-unknown"}) {
            client.put().uri("/api/evaluations/social-organizations/" + code + "/assessments/2026")
                    .header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"organisationScore\": 80, \"integrityScore\": 80, \"fundsScore\": 80}").exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                            .startsWith("code: ").contains(code));
        }
    }

    @Test
    void givenOrganisationsOfTwoStreets_whenListed_thenEachStreetSeesItsOwnWithTheirAssessments() {
        String ours = "shehui-" + UUID.randomUUID().toString().substring(0, 8);
        String theirs = "shehui-" + UUID.randomUUID().toString().substring(0, 8);
        known(PartnerEventsFixture.socialOrganization(ours, "浦楼互助会", "/qjp/qjp-pulou/qjp-pulou-chengnan",
                "qjp-pulou-chengnan"));
        publishPartner(PartnerEventsFixture.socialOrganization(theirs, "长西互助会", "/qjp/qjp-changxi",
                "qjp-changxi-a").registered());
        eventually(() -> client.get().uri("/api/evaluations/social-organizations/" + theirs)
                .header(HttpHeaders.AUTHORIZATION, CHANGXI).exchange().expectStatus().isOk());

        client.get().uri("/api/evaluations/social-organizations").header(HttpHeaders.AUTHORIZATION, PULOU).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + ours + "')].name").isEqualTo("浦楼互助会")
                .jsonPath("$.items[?(@.id == '" + ours + "')].version").isEqualTo(0)
                .jsonPath("$.items[?(@.id == '" + theirs + "')]").doesNotExist();
    }

    @Test
    void givenMoreOrganisationsInAStreetThanAPage_whenItsStaffReadPageByPage_thenEachIsReadOnceAndNoOtherStreets() {
        String street = "street-" + UUID.randomUUID().toString().substring(0, 8);
        String elsewhere = "shehui-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ours = java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(i -> street + "-so-" + (6 - i)).toList();
        ours.forEach(code -> publishPartner(PartnerEventsFixture.socialOrganization(code, "互助会 " + code,
                "/qjp/" + street + "/" + street + "-c", street + "-c").registered()));
        known(PartnerEventsFixture.socialOrganization(elsewhere, "别处互助会", "/qjp/" + street + "x", street + "x-c"));
        String streetStaff = TestTokens.staff("street-" + street, "street_staff", "/qjp/" + street).bearer();
        eventually(() -> client.get().uri("/api/evaluations/social-organizations?size=2")
                .header(HttpHeaders.AUTHORIZATION, streetStaff).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.totalItems").isEqualTo(5));

        List<Map<String, Object>> read = readAllPages("/api/evaluations/social-organizations", streetStaff, 2);

        assertThat(read).extracting(o -> o.get("id")).containsExactlyElementsOf(ours.stream().sorted().toList());
        client.get().uri("/api/evaluations/social-organizations?size=501").header(HttpHeaders.AUTHORIZATION, streetStaff)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        client.get().uri("/api/evaluations/social-organizations?page=-1").header(HttpHeaders.AUTHORIZATION, streetStaff)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
    }

    /** Publishes the organisation's registration in org-service and waits until evaluation-service knows it. */
    private void known(PartnerEventsFixture organisation) {
        publishPartner(organisation.registered());
        eventually(() -> client.get().uri("/api/evaluations/social-organizations/" + organisation.code())
                .header(HttpHeaders.AUTHORIZATION, ADMIN).exchange().expectStatus().isOk());
    }

    private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec review(String id, String bearer,
            String body) {
        return client.post().uri("/api/evaluations/social-organizations/" + id + "/assessments/2026/review")
                .header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
