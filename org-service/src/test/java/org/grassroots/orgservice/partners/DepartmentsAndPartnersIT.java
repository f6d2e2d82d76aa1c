package org.grassroots.orgservice.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

/** Departments and partners: idempotent upserts by administrators, reads by scope, contacts masked. */
@ServiceIntegrationTest
class DepartmentsAndPartnersIT {

    static final String PLATFORM_ADMIN = TestTokens.user("platform-admin-1").roles("platform_admin").bearer();

    @LocalServerPort
    int port;

    OrgApi api;
    String d;
    String chengnan;
    String hebin;
    String admin;

    @BeforeEach
    void district() {
        api = new OrgApi(port);
        d = OrgApi.fresh("p");
        chengnan = d + "-pulou-chengnan";
        hebin = d + "-pulou-hebin";
        api.create(PLATFORM_ADMIN, d, "清江浦区委", "DISTRICT", null);
        api.create(PLATFORM_ADMIN, d + "-pulou", "浦楼街道党工委", "STREET", d);
        api.create(PLATFORM_ADMIN, chengnan, "城南社区党委", "COMMUNITY", d + "-pulou");
        api.create(PLATFORM_ADMIN, hebin, "河滨社区党委", "COMMUNITY", d + "-pulou");
        admin = TestTokens.user("admin-" + d).roles("district_admin", "platform_admin").orgPath("/" + d).bearer();
    }

    private Map<String, Object> urban(String name) {
        return Map.of("name", name, "type", "URBAN_MANAGEMENT", "categoryCodes", List.of("EXPOSED_RUBBISH", "ILLEGAL_CONSTRUCTION"),
                "dutyContact", Map.of("desk", "值班室", "phone", "0517-83661234"), "areaCode", d);
    }

    @Test
    void givenDepartmentSavedTwice_whenTheSecondSaysTheSame_thenNothingChangesAndOneEventWasPublished() {
        String code = d + "-dept-urban";
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), "org-events")) {
            api.put("/api/departments/" + code, admin, urban("区城市管理局")).expectStatus().isCreated()
                    .expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.orgPath").isEqualTo("/" + d);
            api.put("/api/departments/" + code, admin, urban("区城市管理局")).expectStatus().isOk()
                    .expectBody().jsonPath("$.version").isEqualTo(1);
            api.put("/api/departments/" + code, admin, urban("清江浦区城市管理局")).expectStatus().isOk()
                    .expectBody().jsonPath("$.version").isEqualTo(2);

            probe.awaitRecords(r -> code.equals(r.key())
                    && "org.grassroots.org.department-updated".equals(TopicProbe.header(r, "ce_type")), 1, Duration.ofSeconds(30));
            var all = probe.awaitRecords(r -> code.equals(r.key()), 2, Duration.ofSeconds(30));
            assertThat(all).hasSize(2);
            assertThat(new String(all.get(0).value())).doesNotContain("83661234").doesNotContain("值班室");
        }
        String resident = TestTokens.resident("resident-" + d, "/" + d + "/x").bearer();
        assertThat(api.getJson("/api/departments/" + code, resident)).containsEntry("dutyContact", null);
        assertThat(api.readAllPages("/api/departments?categoryCode=ILLEGAL_CONSTRUCTION", resident, 500))
                .extracting(m -> m.get("code")).contains(code);
        String staff = TestTokens.staff("s-" + d, "community_staff", "/" + d + "/" + d + "-pulou/" + chengnan).bearer();
        assertThat(api.getJson("/api/departments/" + code, staff).get("dutyContact"))
                .isEqualTo(Map.of("desk", "值班室", "phone", "0517-83661234"));
        api.put("/api/departments/" + code, staff, urban("x")).expectStatus().isForbidden();
        api.put("/api/departments/" + code, admin, Map.of("name", "x", "type", "POLICE_STATION", "areaCode", d))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
    }

    @Test
    void givenPropertyCompanyServingOneCommunity_whenStaffLook_thenOnlyThatCommunitysStaffAndThoseAboveSeeIt() {
        String code = d + "-pc-qingpu";
        Map<String, Object> company = Map.of("kind", "PROPERTY_COMPANY", "name", "淮安清浦物业服务有限公司",
                "communityCodes", List.of(chengnan), "compounds", List.of("城南花园", "南门小区"),
                "contact", Map.of("name", "李经理", "phone", "13900001111"));
        api.put("/api/partners/" + code, admin, company).expectStatus().isCreated()
                .expectBody().jsonPath("$.orgPath").isEqualTo("/" + d + "/" + d + "-pulou/" + chengnan);
        api.put("/api/partners/" + code, admin, company).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        String chengnanStaff = TestTokens.staff("c-" + d, "community_staff", "/" + d + "/" + d + "-pulou/" + chengnan).bearer();
        String hebinStaff = TestTokens.staff("h-" + d, "community_staff", "/" + d + "/" + d + "-pulou/" + hebin).bearer();
        String streetStaff = TestTokens.staff("st-" + d, "street_staff", "/" + d + "/" + d + "-pulou").bearer();

        @SuppressWarnings("unchecked")
        Map<String, Object> contact = (Map<String, Object>) api.getJson("/api/partners/" + code, chengnanStaff).get("contact");
        assertThat(contact).containsEntry("phone", "139****1111");
        api.get("/api/partners/" + code, hebinStaff).expectStatus().isNotFound();
        assertThat(api.readAllPages("/api/partners?kind=PROPERTY_COMPANY", hebinStaff, 500)).extracting(p -> p.get("code"))
                .doesNotContain(code);
        assertThat(api.getItems("/api/partners?communityCode=" + chengnan, streetStaff)).extracting(p -> p.get("code"))
                .containsExactly(code);
        api.put("/api/partners/" + code, chengnanStaff, company).expectStatus().isForbidden();
    }

    @Test
    void givenCoBuildingUnitOfTwoCommunities_whenSaved_thenItsPathIsTheirCommonStreet() {
        api.put("/api/partners/" + d + "-cb-power", admin, Map.of("kind", "CO_BUILDING_UNIT", "name", "国网淮安供电公司",
                "communityCodes", List.of(chengnan, hebin))).expectStatus().isCreated()
                .expectBody().jsonPath("$.orgPath").isEqualTo("/" + d + "/" + d + "-pulou");
        api.put("/api/partners/" + d + "-cb-x", admin, Map.of("kind", "CO_BUILDING_UNIT", "name", "x",
                "communityCodes", List.of("nowhere"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("communityCodes");
    }

    @Test
    void givenMoreDepartmentsOfACategoryThanAPage_whenReadPageByPage_thenEachIsReadOnceInCodeOrder() {
        String category = "CAT_" + d.toUpperCase().replace('-', '_');
        List<String> codes = java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(i -> d + "-dept-" + (8 - i)).toList();
        codes.forEach(code -> api.put("/api/departments/" + code, admin, Map.of("name", "部门 " + code,
                "type", "URBAN_MANAGEMENT", "categoryCodes", List.of(category), "areaCode", d)).expectStatus().isCreated());
        String resident = TestTokens.resident("resident-" + d, "/" + d + "/x").bearer();

        Map<String, Object> first = api.getJson("/api/departments?categoryCode=" + category + "&size=3", resident);
        assertThat(first).containsEntry("page", 0).containsEntry("size", 3).containsEntry("totalItems", 7);
        List<Map<String, Object>> all = api.readAllPages("/api/departments?categoryCode=" + category, resident, 3);

        assertThat(all).extracting(m -> m.get("code")).containsExactlyElementsOf(codes.stream().sorted().toList());
        assertThat(api.getItems("/api/departments?categoryCode=" + category + "&page=3&size=3", resident)).isEmpty();
        api.get("/api/departments?size=501", resident).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        api.get("/api/departments?page=-1", resident).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
    }

    @Test
    void givenMorePartnersThanAPage_whenACommunitysStaffReadPageByPage_thenTheySeeEachOfTheirsOnceAndNoOtherCommunitys() {
        List<String> ours = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String code = d + "-pc-" + i;
            api.put("/api/partners/" + code, admin, Map.of("kind", "PROPERTY_COMPANY", "name", "物业 " + i,
                    "communityCodes", List.of(chengnan))).expectStatus().isCreated();
            ours.add(code);
        }
        // A partner of both communities lies on the street's path, above the community staff's area: seen
        // through its community, not its path.
        api.put("/api/partners/" + d + "-pc-both", admin, Map.of("kind", "PROPERTY_COMPANY", "name", "两社区物业",
                "communityCodes", List.of(chengnan, hebin))).expectStatus().isCreated();
        ours.add(d + "-pc-both");
        api.put("/api/partners/" + d + "-pc-hebin", admin, Map.of("kind", "PROPERTY_COMPANY", "name", "河滨物业",
                "communityCodes", List.of(hebin))).expectStatus().isCreated();
        api.put("/api/partners/" + d + "-so", admin, Map.of("kind", "SOCIAL_ORGANIZATION", "name", "志愿者协会",
                "communityCodes", List.of(chengnan))).expectStatus().isCreated();
        String chengnanStaff = TestTokens.staff("c-" + d, "community_staff", "/" + d + "/" + d + "-pulou/" + chengnan).bearer();

        List<Map<String, Object>> read = api.readAllPages("/api/partners?kind=PROPERTY_COMPANY", chengnanStaff, 2);

        assertThat(read).extracting(p -> p.get("code")).containsExactlyElementsOf(ours.stream().sorted().toList());
        assertThat(api.getJson("/api/partners?kind=PROPERTY_COMPANY&size=2", chengnanStaff)).containsEntry("totalItems", 6);
        assertThat(api.readAllPages("/api/partners?communityCode=" + hebin, PLATFORM_ADMIN, 1))
                .extracting(p -> p.get("code")).containsExactly(d + "-pc-both", d + "-pc-hebin");
        api.get("/api/partners?size=0", chengnanStaff).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        api.get("/api/partners?page=-2", chengnanStaff).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
    }
}
