package org.grassroots.evaluationservice.propertycompanies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.grassroots.evaluationservice.CaseEventsFixture;
import org.grassroots.evaluationservice.PartnerEventsFixture;
import org.grassroots.evaluationservice.WithStandInCaseService;
import org.grassroots.evaluationservice.stats.Period;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Property companies, org-service's partners known from {@code org-events}: monthly inspections,
 * quarterly evaluation with complaints, red/black list, and the 404 for a code org-service never
 * registered as a property company. (Until evaluation followed org-service's partners these tests
 * registered the companies through evaluation's own {@code PUT}; now they publish the partner events.)
 */
class PropertyCompanyIT extends WithStandInCaseService {

    static final String HOUSING = TestTokens.departmentStaff("housing-1", "dept-housing", "/qjp").bearer();
    static final String URBAN = TestTokens.departmentStaff("urban-1", "dept-urban", "/qjp").bearer();
    static final String RESIDENT = TestTokens.resident("resident-1", "/qjp/qjp-pulou/qjp-pulou-chengnan").bearer();

    @Test
    void givenInspectionsAndComplaints_whenTheQuarterIsEvaluated_thenTheScoreWeighsBothAndGivesStars() {
        String street = "street-" + UUID.randomUUID().toString().substring(0, 8);
        String community = street + "-community";
        String company = "wuye-" + UUID.randomUUID().toString().substring(0, 8);
        Instant reported = Instant.now().minus(Duration.ofHours(6));
        LocalDate today = reported.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        String quarter = Period.QUARTER.label(today);
        CaseEventsFixture complaint = CaseEventsFixture.newCase(street, community).inCategory("PROPERTY_SERVICE");
        CaseEventsFixture rubbish = CaseEventsFixture.newCase(street, community);
        publish(complaint.reported(reported), rubbish.reported(reported));

        known(PartnerEventsFixture.propertyCompany(company, "城南物业服务有限公司", "/qjp/" + street + "/" + community,
                community));
        inspect(company, "2026-03", 90, URBAN).expectStatus().isForbidden();
        inspect(company, Period.QUARTER.start(today).toString().substring(0, 7), 90, HOUSING).expectStatus().isOk();
        inspect(company, "2026-13", 90, HOUSING).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("month");

        // 0.7 × 90 + 0.3 × 100 (no rated complaint) − 1 complaint = 92 → five stars
        eventually(() -> client.get().uri("/api/evaluations/property-companies/" + company + "/quarters/" + quarter)
                .header(HttpHeaders.AUTHORIZATION, URBAN).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.complaints").isEqualTo(1)
                .jsonPath("$.meanInspectionScore").isEqualTo(90.0)
                .jsonPath("$.score").isEqualTo(92.0)
                .jsonPath("$.stars").isEqualTo(5));
        client.get().uri("/api/evaluations/property-companies/" + company)
                .header(HttpHeaders.AUTHORIZATION, RESIDENT).exchange().expectStatus().isForbidden();
    }

    @Test
    void givenFourCompanies_whenTheHalfYearIsRanked_thenTheBestAreRedTheWorstBlackAndNoneIsOnBoth() {
        String prefix = "rb-" + UUID.randomUUID().toString().substring(0, 6);
        int[] scores = {95, 62, 80, 40};
        for (int i = 0; i < scores.length; i++) {
            known(PartnerEventsFixture.propertyCompany(prefix + "-" + i, "物业公司" + i, "/qjp", "nowhere-" + prefix));
            inspect(prefix + "-" + i, "2025-02", scores[i], HOUSING).expectStatus().isOk();
        }

        client.get().uri("/api/evaluations/property-companies/red-black-list?half=2025-H1")
                .header(HttpHeaders.AUTHORIZATION, HOUSING).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.red[0].companyId").isEqualTo(prefix + "-0")
                .jsonPath("$.black[0].companyId").isEqualTo(prefix + "-3")
                .jsonPath("$.black[0].stars").isEqualTo(1);
        client.get().uri("/api/evaluations/property-companies/red-black-list?half=2025-H3")
                .header(HttpHeaders.AUTHORIZATION, HOUSING).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("half");
    }

    @Test
    void givenACodeOrgServiceNeverRegisteredAsAPropertyCompany_whenInspectedOrRead_thenNotFoundNamingTheField() {
        String organisation = "so-" + UUID.randomUUID().toString().substring(0, 8);
        known(PartnerEventsFixture.socialOrganization(organisation, "某社会组织", "/qjp/qjp-pulou", "qjp-pulou-chengnan"));

        inspect("wuye-unknown", "2026-03", 90, HOUSING).expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions
                        .assertThat((String) detail).startsWith("code: ").contains("wuye-unknown"));
        client.get().uri("/api/evaluations/property-companies/" + organisation)
                .header(HttpHeaders.AUTHORIZATION, HOUSING).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions
                        .assertThat((String) detail).startsWith("code: "));
    }

    @Test
    void givenOrgServiceRenamesAndEndsACompany_whenRead_thenTheNewNameShowsAndItIsInactiveWithItsInspections() {
        String company = "wuye-" + UUID.randomUUID().toString().substring(0, 8);
        PartnerEventsFixture partner = PartnerEventsFixture.propertyCompany(company, "旧名物业", "/qjp/qjp-pulou",
                "qjp-pulou-chengnan");
        known(partner);
        inspect(company, "2026-03", 77, HOUSING).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("旧名物业").jsonPath("$.version").isEqualTo(1);

        publishPartner(partner.updated(2, partner.renamed("新名物业"), false));

        eventually(() -> client.get().uri("/api/evaluations/property-companies/" + company)
                .header(HttpHeaders.AUTHORIZATION, URBAN).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("新名物业")
                .jsonPath("$.active").isEqualTo(false)
                .jsonPath("$.communityIds[0]").isEqualTo("qjp-pulou-chengnan")
                .jsonPath("$.inspections[0].score").isEqualTo(77));
    }

    @Test
    void givenMoreCompaniesThanAPage_whenReadPageByPage_thenEachIsReadOnceInCodeOrderWithItsInspections() {
        String prefix = "wuye-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ours = java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(i -> prefix + "-" + (6 - i)).toList();
        ours.forEach(code -> publishPartner(PartnerEventsFixture.propertyCompany(code, "物业 " + code, "/qjp/qjp-pulou",
                "qjp-pulou-chengnan").registered()));
        ours.forEach(code -> eventually(() -> client.get().uri("/api/evaluations/property-companies/" + code)
                .header(HttpHeaders.AUTHORIZATION, URBAN).exchange().expectStatus().isOk()));
        inspect(ours.get(0), "2026-03", 88, HOUSING).expectStatus().isOk();

        List<Map<String, Object>> read = readAllPages("/api/evaluations/property-companies", URBAN, 2);

        List<Object> ids = read.stream().map(c -> c.get("id")).toList();
        assertThat(ids).as("none twice").doesNotHaveDuplicates().containsAll(ours);
        assertThat(ids).as("in code order").isSortedAccordingTo(Comparator.comparing(String::valueOf));
        assertThat(read).filteredOn(c -> ours.get(0).equals(c.get("id"))).singleElement()
                .satisfies(c -> assertThat(c.get("version")).isEqualTo(1));
        client.get().uri("/api/evaluations/property-companies?size=0").header(HttpHeaders.AUTHORIZATION, URBAN)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        client.get().uri("/api/evaluations/property-companies?page=-1").header(HttpHeaders.AUTHORIZATION, URBAN)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
    }

    @Test
    void givenEvaluationsOwnRegistrationEnded_whenACompanyIsPut_thenTheMethodIsNotAllowed() {
        client.put().uri("/api/evaluations/property-companies/chengnan-wuye").header(HttpHeaders.AUTHORIZATION, HOUSING)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"城南物业\", \"communityIds\": [\"qjp-pulou-chengnan\"]}").exchange()
                .expectStatus().isEqualTo(405);
    }

    /** Publishes the partner's registration and waits until evaluation-service knows it. */
    private void known(PartnerEventsFixture partner) {
        publishPartner(partner.registered());
        String path = partner.kind() == org.grassroots.contracts.orgs.PartnerKind.PROPERTY_COMPANY
                ? "/api/evaluations/property-companies/" : "/api/evaluations/social-organizations/";
        eventually(() -> client.get().uri(path + partner.code())
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("admin-1", "platform_admin", "/").bearer()).exchange()
                .expectStatus().isOk());
    }

    private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec inspect(String id, String month,
            int score, String bearer) {
        return client.put().uri("/api/evaluations/property-companies/" + id + "/inspections/" + month)
                .header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .body("{\"score\": " + score + ", \"note\": \"消防通道畅通，绿化维护到位\"}").exchange();
    }
}
