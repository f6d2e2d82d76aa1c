package org.grassroots.orgservice.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.grassroots.orgservice.OrgApi;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 应建尽建: shortfalls of grid branches, branches without a secretary, members per level, cross-appointments. */
@ServiceIntegrationTest
class CoverageIT {

    static final String PLATFORM_ADMIN = TestTokens.user("platform-admin-1").roles("platform_admin").bearer();

    @LocalServerPort
    int port;

    @Test
    void givenCommunityWithFewerBranchesThanGrids_whenReported_thenShortfallsMissingSecretariesAndCrossAppointmentsShow() {
        OrgApi api = new OrgApi(port);
        String d = OrgApi.fresh("k");
        String c1 = d + "-s-c1";
        String c2 = d + "-s-c2";
        Map<String, Object> request = Map.of(
                "units", List.of(
                        Map.of("code", d, "name", "区委", "type", "DISTRICT"),
                        Map.of("code", d + "-s", "name", "街道党工委", "type", "STREET", "parentCode", d),
                        Map.of("code", c1, "name", "一社区党委", "type", "COMMUNITY", "parentCode", d + "-s", "expectedGrids", 3),
                        Map.of("code", c2, "name", "二社区党委", "type", "COMMUNITY", "parentCode", d + "-s"),
                        Map.of("code", c1 + "-g01", "name", "一支部", "type", "GRID_BRANCH", "parentCode", c1),
                        Map.of("code", c1 + "-g02", "name", "二支部", "type", "GRID_BRANCH", "parentCode", c1)),
                "members", List.of(
                        Map.of("id", d + "-1", "name", "甲", "status", "IN_SERVICE", "unitCode", c1 + "-g01",
                                "roles", List.of("SECRETARY", "GRID_CHIEF")),
                        Map.of("id", d + "-2", "name", "乙", "status", "RETIRED", "unitCode", c1 + "-g02",
                                "roles", List.of("SECRETARY")),
                        Map.of("id", d + "-3", "name", "丙", "status", "IN_SERVICE", "unitCode", c2)));
        api.post("/api/orgs/import", PLATFORM_ADMIN, request).expectStatus().isOk();
        String streetStaff = TestTokens.staff("s-" + d, "street_staff", "/" + d + "/" + d + "-s").bearer();

        Map<String, Object> coverage = api.getJson("/api/orgs/" + d + "-s/coverage", streetStaff);

        assertThat(coverage).containsEntry("communities", 2).containsEntry("gridBranches", 2)
                .containsEntry("expectedGrids", 3);
        assertThat(coverage.get("communitiesShortOfBranches"))
                .isEqualTo(List.of(Map.of("code", c1, "name", "一社区党委", "expectedGrids", 3, "gridBranches", 2)));
        assertThat(coverage.get("communitiesWithoutGridCount")).isEqualTo(List.of(c2));
        assertThat(coverage.get("branchesWithoutSecretary")).isEqualTo(List.of(c1 + "-g02"));
        assertThat(coverage.get("branchesWithoutMembers")).isEqualTo(List.of());
        assertThat(coverage.get("membersPerLevel")).isEqualTo(Map.of("GRID_BRANCH", 2, "COMMUNITY", 1));
        assertThat(coverage.get("crossAppointments")).isEqualTo(List.of(
                Map.of("memberId", d + "-1", "unitCode", c1 + "-g01", "roles", List.of("SECRETARY", "GRID_CHIEF"))));
        String otherStreet = TestTokens.staff("o-" + d, "street_staff", "/" + d + "/elsewhere").bearer();
        api.get("/api/orgs/" + d + "-s/coverage", otherStreet).expectStatus().isNotFound();
    }
}
