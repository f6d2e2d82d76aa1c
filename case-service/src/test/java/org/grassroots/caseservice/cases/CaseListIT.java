package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.grassroots.caseservice.targets.KnownTargets;
import org.grassroots.caseservice.targets.TargetDirectory;
import org.grassroots.contracts.cases.CaseStatus;
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
 * The case list as the console uses it: text search, case number, supervision, sort, the total
 * over all pages, the CSV export of the whole filtered set, and triage oldest first. Each test
 * works in a community of its own, so the cases of other tests never show up in its lists.
 * Exports run in batches of 40 here, so that a set of 130 spans several.
 */
@ServiceIntegrationTest(properties = "grassroots.cases.export-batch=40")
class CaseListIT {

    @LocalServerPort
    int port;

    @Autowired
    TargetDirectory targets;

    RestTestClient client;
    String street;
    String community;
    String resident;
    String dispatcher;
    String streetStaff;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        String area = UUID.randomUUID().toString().substring(0, 8);
        street = "/qjp/street-" + area;
        community = street + "/community-" + area;
        resident = TestTokens.resident("resident-" + area, community).bearer();
        dispatcher = TestTokens.staff("dispatcher-" + area, "community_staff", community).bearer();
        streetStaff = TestTokens.staff("street-" + area, "street_staff", street).bearer();
    }

    @Test
    void givenWordsOfTheDescription_whenSearched_thenTheCasesThatHoldThemTogetherAreFound() {
        String rubbish = report("健康东路垃圾桶旁生活垃圾堆积三天", "健康东路与淮海南路路口");
        String lamp = report("小区 Street Lamp 不亮", null);
        String scattered = report("垃圾圾堆和堆积物", null);
        String water = report("楼道漏水", null);

        assertThat(ids("q=健康东路")).containsExactly(rubbish);
        assertThat(ids("q=垃圾堆积")).containsExactly(rubbish);
        assertThat(ids("q=淮海南路")).containsExactly(rubbish);
        assertThat(ids("q=健康 三天")).containsExactly(rubbish);
        assertThat(ids("q=健康 路灯")).isEmpty();
        assertThat(ids("q=lamp")).containsExactly(lamp);
        assertThat(ids("q=水")).containsExactly(water);
        assertThat(ids("q=垃圾")).containsExactlyInAnyOrder(rubbish, scattered);
    }

    @Test
    void givenACaseNumberOrSupervision_whenListing_thenTheNumberFindsExactlyThatCaseAndSupervisionFilters() {
        String first = report("窨井盖缺失", null);
        String second = report("窨井盖松动", null);
        String number = get(first).number();
        client.post().uri("/api/cases/" + second + "/supervise").header(HttpHeaders.AUTHORIZATION, streetStaff)
                .contentType(MediaType.APPLICATION_JSON).body("{\"note\": \"街道督办\"}").exchange()
                .expectStatus().isOk();

        assertThat(ids("number=" + number)).containsExactly(first);
        assertThat(ids("number=" + number.substring(0, number.length() - 1))).isEmpty();
        assertThat(ids("supervised=true")).containsExactly(second);
        assertThat(ids("supervised=false")).containsExactly(first);
    }

    @Test
    void givenASortAndAPage_whenListing_thenTheListIsSortedAsAskedAndSaysHowManyThereAreInAll() {
        String first = report("第一件", null);
        String second = report("第二件", null);
        String third = report("第三件", null);
        client.post().uri("/api/cases/" + first + "/accept").header(HttpHeaders.AUTHORIZATION, dispatcher)
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isOk();

        assertThat(ids("")).containsExactly(third, second, first);
        assertThat(ids("sort=reportedAt,asc")).containsExactly(first, second, third);
        assertThat(ids("sort=number,asc")).containsExactly(first, second, third);
        assertThat(ids("sort=number")).containsExactly(third, second, first);
        assertThat(ids("sort=updatedAt,desc")).containsExactly(first, third, second);
        PageView secondPage = page("size=2&page=1&sort=number,asc");
        assertThat(secondPage.items()).extracting(CaseView::id).containsExactly(third);
        assertThat(secondPage.totalItems()).isEqualTo(3);

        client.get().uri("/api/cases?sort=status").header(HttpHeaders.AUTHORIZATION, dispatcher).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
        client.get().uri("/api/cases?sort=number,up").header(HttpHeaders.AUTHORIZATION, dispatcher).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
        client.get().uri("/api/cases?q=" + "长".repeat(101)).header(HttpHeaders.AUTHORIZATION, dispatcher).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
    }

    @Test
    void givenAFilteredList_whenExported_thenItHoldsTheWholeSetInOrderAsCsvThatExcelReads() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            numbers.add(get(report(i == 0 ? "=HYPERLINK(\"http://example.org\"),垃圾" : "垃圾第" + i + "处", "东门")).number());
        }
        String elsewhere = TestTokens.resident("resident-elsewhere", street + "/another").bearer();
        client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, elsewhere)
                .contentType(MediaType.APPLICATION_JSON).body(body("别处的垃圾", null)).exchange()
                .expectStatus().isCreated();

        var answer = client.get().uri("/api/cases?format=csv&q=垃圾&sort=number,asc")
                .header(HttpHeaders.AUTHORIZATION, dispatcher).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueEquals("X-Total-Count", "130")
                .expectBody(byte[].class).returnResult();
        String csv = new String(answer.getResponseBody(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();

        assertThat(csv).startsWith("\uFEFF案件编号,上报时间,状态,类别,描述,位置");
        assertThat(answer.getResponseHeaders().getContentDisposition().getFilename()).startsWith("cases-")
                .endsWith(".csv");
        assertThat(lines).hasSize(131);
        assertThat(lines.subList(1, 131)).extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactlyElementsOf(numbers);
        assertThat(lines.get(1)).contains(",已上报,暴露垃圾,\"'=HYPERLINK(\"\"http://example.org\"\"),垃圾\",东门,");

        String accepted = new String(client.get().uri("/api/cases?q=垃圾").header(HttpHeaders.AUTHORIZATION, dispatcher)
                .header(HttpHeaders.ACCEPT, "text/csv").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(accepted.lines()).hasSize(131);
        assertThat(page("q=垃圾").totalItems()).isEqualTo(130);
    }

    @Test
    void givenNewAndUnlocatedReports_whenTriageIsRead_thenTheyAreShownOldestFirst() {
        String first = report("第一件", null);
        String second = report("第二件", null);
        String cancelled = report("第三件", null);
        client.post().uri("/api/cases/" + first + "/accept").header(HttpHeaders.AUTHORIZATION, dispatcher)
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isOk();
        client.post().uri("/api/cases/" + cancelled + "/cancel").header(HttpHeaders.AUTHORIZATION, dispatcher)
                .contentType(MediaType.APPLICATION_JSON).body("{\"reason\": \"重复上报\"}").exchange()
                .expectStatus().isOk();

        PageView triage = client.get().uri("/api/cases/triage").header(HttpHeaders.AUTHORIZATION, dispatcher)
                .exchange().expectStatus().isOk().expectBody(PageView.class).returnResult().getResponseBody();

        // The first is accepted but still unlocated, so it stays in triage until someone places it.
        assertThat(triage.items()).extracting(CaseView::id).containsExactly(first, second);
        assertThat(triage.items()).extracting(CaseView::status).containsExactly(CaseStatus.ACCEPTED, CaseStatus.REPORTED);
        assertThat(triage.totalItems()).isEqualTo(2);
    }

    @Test
    void givenAWhistledCaseWithADuplicate_whenItsDetailIsRead_thenItCarriesEachStagesClockWhoReportedInAndTheLinkedDuplicates() {
        String first = report("东门垃圾堆积", null);
        String second = report("东门垃圾又堆起来了", null);
        String housing = TestTokens.departmentStaff("housing-1", "dept-housing", "/qjp").bearer();
        // Whistling and reporting in are checked against the departments case-service knows.
        KnownTargets.registerAndAwait(targets);
        client.post().uri("/api/cases/" + first + "/accept").header(HttpHeaders.AUTHORIZATION, dispatcher)
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isOk();
        client.post().uri("/api/cases/" + first + "/whistle").header(HttpHeaders.AUTHORIZATION, dispatcher)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"departmentIds\": [\"dept-housing\", \"dept-urban\"], \"reason\": \"联合处置\"}").exchange()
                .expectStatus().isOk();
        client.post().uri("/api/cases/" + first + "/report-in").header(HttpHeaders.AUTHORIZATION, housing)
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isOk();

        client.get().uri("/api/cases/" + first).header(HttpHeaders.AUTHORIZATION, dispatcher).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.stages[0].stage").isEqualTo("RESPOND")
                .jsonPath("$.stages[0].startedAt").isNotEmpty()
                .jsonPath("$.stages[0].deadline").isNotEmpty()
                .jsonPath("$.stages[0].allowedMinutes").value(minutes -> assertThat(((Number) minutes).longValue())
                        .isPositive())
                .jsonPath("$.stages[0].usedPercent").value(percent -> assertThat(((Number) percent).intValue())
                        .isBetween(0, 100))
                .jsonPath("$.stages[0].overdue").isEqualTo(false)
                .jsonPath("$.stages[1].stage").isEqualTo("RESOLVE")
                .jsonPath("$.stages[1].startedAt").doesNotExist()
                .jsonPath("$.stages[2].stage").isEqualTo("VERIFY")
                .jsonPath("$.summons[0].departmentId").isEqualTo("dept-housing")
                .jsonPath("$.summons[0].reportedInBy").isEqualTo("housing-1")
                .jsonPath("$.summons[1].reportedIn").isEqualTo(false)
                .jsonPath("$.updatedAt").isNotEmpty();
        assertThat(duplicates(first)).containsExactly(second);
        assertThat(duplicates(second)).containsExactly(first);
    }

    private List<String> duplicates(String id) {
        PageView linked = client.get().uri("/api/cases/" + id + "/duplicates").header(HttpHeaders.AUTHORIZATION, dispatcher)
                .exchange().expectStatus().isOk().expectBody(PageView.class).returnResult().getResponseBody();
        return linked.items().stream().map(CaseView::id).toList();
    }

    private String report(String description, String place) {
        return client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, resident)
                .contentType(MediaType.APPLICATION_JSON).body(body(description, place)).exchange()
                .expectStatus().isCreated().expectBody(CaseView.class).returnResult().getResponseBody().id();
    }

    private static String body(String description, String place) {
        return """
                {"categoryCode": "EXPOSED_RUBBISH", "description": %s, "point": {"lon": 119.0213, "lat": 33.6012}%s}
                """.formatted(json(description), place == null ? "" : ", \"locationDescription\": " + json(place));
    }

    private static String json(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private CaseView get(String id) {
        return client.get().uri("/api/cases/" + id).header(HttpHeaders.AUTHORIZATION, dispatcher).exchange()
                .expectStatus().isOk().expectBody(CaseView.class).returnResult().getResponseBody();
    }

    private List<String> ids(String query) {
        return page(query + (query.isEmpty() ? "" : "&") + "size=100").items().stream().map(CaseView::id).toList();
    }

    private PageView page(String query) {
        return client.get().uri("/api/cases?" + query).header(HttpHeaders.AUTHORIZATION, dispatcher).exchange()
                .expectStatus().isOk().expectBody(PageView.class).returnResult().getResponseBody();
    }

    record CaseView(String id, String number, CaseStatus status, Instant reportedAt) {
    }

    record PageView(List<CaseView> items, int page, int size, long totalItems) {
    }
}
