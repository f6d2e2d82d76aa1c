package org.grassroots.orgservice.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.grassroots.orgservice.OrgApi;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The demo loader's data (deploy/local/demo/10-org.json) imports as the README's demo users expect it, twice. */
@ServiceIntegrationTest
class DemoDistrictIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String ADMIN = TestTokens.user("00000000-0000-4000-8000-000000000009")
            .roles("district_admin", "platform_admin").orgPath("/qjp").bearer();
    static final String PARTYMEMBER1 = TestTokens.user("00000000-0000-4000-8000-000000000008")
            .roles("party_member", "volunteer").orgPath(CHENGNAN).bearer();
    static final String DISPATCHER1 = TestTokens.staff("00000000-0000-4000-8000-000000000004", "community_staff",
            CHENGNAN).bearer();

    @LocalServerPort
    int port;

    @Test
    void givenTheDemoFile_whenImportedTwice_thenTheDistrictIsThereAndTheSecondImportChangesNothing() throws IOException {
        OrgApi api = new OrgApi(port);
        byte[] demo = Files.readAllBytes(Path.of("..", "deploy", "local", "demo", "10-org.json"));

        importDemo(api, demo);
        Map<String, Object> again = importDemo(api, demo);

        assertThat(again.get("units")).isEqualTo(Map.of("created", 0, "updated", 0, "unchanged", 25));
        assertThat(again.get("members")).isEqualTo(Map.of("created", 0, "updated", 0, "unchanged", 5));
        assertThat(again.get("departments")).isEqualTo(Map.of("created", 0, "updated", 0, "unchanged", 7));
        assertThat(again.get("partners")).isEqualTo(Map.of("created", 0, "updated", 0, "unchanged", 4));
        assertThat(api.getJson("/api/members/me", PARTYMEMBER1))
                .containsEntry("unitCode", "qjp-pulou-chengnan-g01").containsEntry("phone", "13800000008");
        assertThat(api.getList("/api/orgs/qjp-pulou-chengnan/children", DISPATCHER1)).extracting(u -> u.get("code"))
                .containsExactly("qjp-pulou-chengnan-g01", "qjp-pulou-chengnan-g02", "qjp-pulou-chengnan-g03");
        assertThat(api.getJson("/api/orgs/qjp-kuaidi", ADMIN)).containsEntry("type", "INDUSTRY_COMMITTEE");
        assertThat(api.getItems("/api/departments?size=500", PARTYMEMBER1)).extracting(d -> d.get("code"))
                .contains("dept-housing", "dept-urban", "dept-ecology", "dept-market");
        assertThat(api.getItems("/api/partners?communityCode=qjp-pulou-chengnan&kind=PROPERTY_COMPANY", DISPATCHER1))
                .extracting(p -> p.get("code")).containsExactly("pc-qingpu-wuye");
    }

    private static Map<String, Object> importDemo(OrgApi api, byte[] demo) {
        return api.client().post().uri("/api/orgs/import").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).body(demo).exchange()
                .expectStatus().isOk().expectBody(OrgApi.JSON).returnResult().getResponseBody();
    }
}
