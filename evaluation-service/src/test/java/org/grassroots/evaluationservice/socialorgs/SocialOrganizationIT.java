package org.grassroots.evaluationservice.socialorgs;

import java.util.UUID;

import org.grassroots.evaluationservice.WithStandInCaseService;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Social organisations: stars from assessment scores, reviewed and adjusted by the district, scoped by area. */
class SocialOrganizationIT extends WithStandInCaseService {

    static final String PULOU = TestTokens.staff("street-1", "street_staff", "/qjp/qjp-pulou").bearer();
    static final String CHANGXI = TestTokens.staff("street-2", "street_staff", "/qjp/qjp-changxi").bearer();
    static final String ADMIN = TestTokens.staff("admin", "district_admin", "/qjp").bearer();

    @Test
    void givenAssessmentScores_whenRatedReviewedAndAdjusted_thenStarsFollowTheScoresUntilTheDistrictChangesThem() {
        String id = "shehui-" + UUID.randomUUID().toString().substring(0, 8);
        client.put().uri("/api/evaluations/social-organizations/" + id).header(HttpHeaders.AUTHORIZATION, PULOU)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"浦楼邻里互助会\", \"orgPath\": \"/qjp/qjp-pulou\"}").exchange()
                .expectStatus().isOk();

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
        client.put().uri("/api/evaluations/social-organizations/" + id).header(HttpHeaders.AUTHORIZATION, PULOU)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"浦楼志愿者协会\", \"orgPath\": \"/qjp/qjp-pulou\"}").exchange()
                .expectStatus().isOk();

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

    private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec review(String id, String bearer,
            String body) {
        return client.post().uri("/api/evaluations/social-organizations/" + id + "/assessments/2026/review")
                .header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
