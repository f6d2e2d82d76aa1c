package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.grassroots.caseservice.targets.KnownTargets;
import org.grassroots.caseservice.targets.TargetDirectory;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Object-level authorisation (OWASP API1) for the scopes of docs/architecture.md: a resident sees their own
 * cases, staff the cases of their area, a department what is dispatched to it. Outside the scope a
 * case does not exist for the caller (404): neither reading nor any command confirms it is there.
 */
@ServiceIntegrationTest
class CaseObjectLevelAuthorizationIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String CHENGBEI = "/qjp/qjp-pulou/qjp-pulou-chengbei";
    static final String RUBBISH = """
            {"categoryCode": "EXPOSED_RUBBISH",
             "description": "单元门口生活垃圾堆放两天无人清运",
             "point": {"lon": 119.0213, "lat": 33.6012},
             "locationDescription": "3栋2单元门口"}
            """;
    static final String TO_HOUSING = """
            {"assignee": {"kind": "DEPARTMENT", "id": "dept-housing", "displayName": "区住建局"}, "note": "请核实处理"}
            """;

    static final String RESIDENT_1 = TestTokens.resident("resident-1", CHENGNAN).bearer();
    static final String RESIDENT_2 = TestTokens.resident("resident-2", CHENGNAN).bearer();
    static final String CHENGBEI_RESIDENT = TestTokens.resident("resident-9", CHENGBEI).bearer();
    static final String CHENGNAN_STAFF = TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer();
    static final String CHENGBEI_STAFF = TestTokens.staff("dispatcher-2", "community_staff", CHENGBEI).bearer();
    static final String PULOU_STREET_STAFF = TestTokens.staff("street-1", "street_staff", "/qjp/qjp-pulou").bearer();
    static final String HOUSING = TestTokens.departmentStaff("housing-1", "dept-housing", "/qjp").bearer();
    static final String URBAN = TestTokens.departmentStaff("urban-1", "dept-urban", "/qjp").bearer();
    static final String HOUSING_SYSTEM = TestTokens.departmentSystem("dept-housing-system", "dept-housing").bearer();
    static final String URBAN_SYSTEM = TestTokens.departmentSystem("dept-urban-system", "dept-urban").bearer();

    static final List<String> COMMANDS_WITH_BODIES = List.of(
            "accept", "{}",
            "cancel", "{\"reason\": \"重复上报\"}",
            "dispatch", TO_HOUSING,
            "claim", "{}",
            "return", "{\"reason\": \"不属于本部门职责\"}",
            "resolve", "{\"note\": \"已处理\"}",
            "verify", "{\"passed\": true}",
            "park", "{\"reason\": \"列入改造计划\"}",
            "reopen", "{\"reason\": \"复核未解决\"}",
            "escalate", "{\"reason\": \"需街道协调\"}",
            "whistle", "{\"departmentIds\": [\"dept-housing\"], \"reason\": \"需住建到场\"}",
            "report-in", "{}",
            "extend", "{\"extension\": \"2h\", \"reason\": \"需协调物业\"}",
            "supervise", "{\"note\": \"请今日处理\"}",
            "pause", "{\"reason\": \"等待居民补充照片\"}",
            "resume", "{}");

    @LocalServerPort
    int port;

    RestTestClient client;

    @Autowired
    TargetDirectory targets;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        // Dispatch, whistle and report-in are checked against the departments and people case-service knows.
        KnownTargets.registerAndAwait(targets);
    }

    @Test
    void givenAResidentsCase_whenAnotherResidentReadsOrActsOnIt_thenItIsAsIfItDidNotExist() {
        String id = report(RESIDENT_1);

        read(id, RESIDENT_2).expectStatus().isNotFound();
        client.get().uri("/api/cases/" + id + "/history").header(HttpHeaders.AUTHORIZATION, RESIDENT_2)
                .exchange().expectStatus().isNotFound();
        expectEveryCommandRefusedAsIfTheCaseDidNotExist(id, RESIDENT_2);
        read(id, RESIDENT_1).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REPORTED");
    }

    @Test
    void givenACaseInOneCommunity_whenStaffOfAnotherCommunitySeeOrActOnIt_thenItIsAsIfItDidNotExist() {
        String id = report(CHENGBEI_RESIDENT);

        read(id, CHENGNAN_STAFF).expectStatus().isNotFound();
        expectEveryCommandRefusedAsIfTheCaseDidNotExist(id, CHENGNAN_STAFF);
        read(id, CHENGBEI_STAFF).expectStatus().isOk();
        read(id, PULOU_STREET_STAFF).expectStatus().isOk();
    }

    @Test
    void givenACaseDispatchedToOneDepartment_whenAnotherSeesClaimsOrResolvesIt_thenNotFound() {
        String id = reportAcceptAndDispatchToHousing();

        read(id, URBAN).expectStatus().isNotFound();
        command(id, "claim", URBAN, "{}").expectStatus().isNotFound();
        command(id, "claim", HOUSING, "{}").expectStatus().isOk();
        command(id, "resolve", URBAN, "{\"note\": \"已处理\"}").expectStatus().isNotFound();
        command(id, "return", URBAN, "{\"reason\": \"不属于本部门职责\"}").expectStatus().isNotFound();
        read(id, HOUSING).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLAIMED");
    }

    @Test
    void givenADepartmentsOwnSystemWithClientCredentials_whenItActs_thenOnlyForItsDepartment() {
        String id = reportAcceptAndDispatchToHousing();

        command(id, "claim", URBAN_SYSTEM, "{}").expectStatus().isNotFound();
        command(id, "claim", HOUSING_SYSTEM, "{}").expectStatus().isOk();
        command(id, "resolve", HOUSING_SYSTEM, "{\"note\": \"已派人清运，现场已清理\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RESOLVED");
    }

    @Test
    void givenACaseNotYetDispatched_whenADepartmentActsOnIt_thenNotFound() {
        String id = report(RESIDENT_1);

        read(id, HOUSING).expectStatus().isNotFound();
        command(id, "claim", HOUSING, "{}").expectStatus().isNotFound();
    }

    /**
     * Commands a role may never give (a resident accepting a case) are refused by role, 403, before
     * the case is looked at; the others answer 404. Either way the answer for the real case equals
     * the answer for a case that does not exist, so nothing tells the caller it is there.
     */
    private void expectEveryCommandRefusedAsIfTheCaseDidNotExist(String id, String bearer) {
        String missing = UUID.randomUUID().toString();
        for (int i = 0; i < COMMANDS_WITH_BODIES.size(); i += 2) {
            String name = COMMANDS_WITH_BODIES.get(i);
            String body = COMMANDS_WITH_BODIES.get(i + 1);
            int forTheCase = command(id, name, bearer, body).returnResult(String.class).getStatus().value();
            int forNoCase = command(missing, name, bearer, body).returnResult(String.class).getStatus().value();

            assertThat(forTheCase).as("%s on another's case", name).isIn(403, 404).isEqualTo(forNoCase);
        }
    }

    private String reportAcceptAndDispatchToHousing() {
        String id = report(RESIDENT_1);
        command(id, "accept", CHENGNAN_STAFF, "{}").expectStatus().isOk();
        command(id, "dispatch", CHENGNAN_STAFF, TO_HOUSING).expectStatus().isOk();
        return id;
    }

    private String report(String bearer) {
        return client.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(RUBBISH)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(IdOnly.class)
                .returnResult().getResponseBody().id();
    }

    private RestTestClient.ResponseSpec read(String id, String bearer) {
        return client.get().uri("/api/cases/" + id).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    private RestTestClient.ResponseSpec command(String id, String command, String bearer, String body) {
        return client.post().uri("/api/cases/" + id + "/" + command)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    record IdOnly(String id) {
    }
}
