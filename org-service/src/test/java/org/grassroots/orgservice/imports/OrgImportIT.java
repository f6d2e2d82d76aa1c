package org.grassroots.orgservice.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.grassroots.contracts.orgs.OrgUnitCreated;
import org.grassroots.contracts.orgs.OrgUnitFacts;
import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.orgservice.OrgApi;
import org.grassroots.platform.lease.FieldLease;
import org.grassroots.orgservice.store.ImportOutbox;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/** The bulk import: a district in one call, idempotent, at the scale of 清江浦区. */
@ServiceIntegrationTest
class OrgImportIT {

    static final String PLATFORM_ADMIN = TestTokens.user("platform-admin-1").roles("platform_admin").bearer();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ImportOutbox importOutbox;

    OrgApi api;

    @BeforeEach
    void client() {
        api = new OrgApi(port);
    }

    @Test
    void givenQingjiangpuScaleDistrict_whenImportedTwice_thenTheFirstCreatesEverythingAndTheSecondChangesNothing() {
        String district = OrgApi.fresh("q");
        Map<String, Object> request = QingjiangpuScale.request(district);

        long started = System.nanoTime();
        Map<String, Object> first = importJson(request);
        long imported = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() -> pending() == 0);
        long published = System.nanoTime();

        assertThat(tally(first, "units")).containsEntry("created", QingjiangpuScale.units());
        assertThat(tally(first, "members")).containsEntry("created", QingjiangpuScale.MEMBERS);
        System.out.printf("Qingjiangpu-scale import: %d units and %d members imported in %d ms (service: %s ms), "
                + "all %d events published after %d ms%n", QingjiangpuScale.units(), QingjiangpuScale.MEMBERS,
                (imported - started) / 1_000_000, first.get("tookMillis"),
                QingjiangpuScale.units() + QingjiangpuScale.MEMBERS, (published - started) / 1_000_000);

        long second = System.nanoTime();
        Map<String, Object> again = importJson(request);
        System.out.printf("Second import of the same district (nothing to do): %d ms%n",
                (System.nanoTime() - second) / 1_000_000);

        assertThat(tally(again, "units")).containsEntry("created", 0).containsEntry("updated", 0)
                .containsEntry("unchanged", QingjiangpuScale.units());
        assertThat(tally(again, "members")).containsEntry("created", 0).containsEntry("updated", 0)
                .containsEntry("unchanged", QingjiangpuScale.MEMBERS);
        assertThat(pending()).isZero();
        assertThat(mongo.getCollection("units").countDocuments(Filters.and(Filters.regex("path", "^/" + district + "(/|$)"),
                Filters.ne("version", 1L)))).isZero();

        String admin = TestTokens.user("admin-" + district).roles("district_admin").orgPath("/" + district).bearer();
        Map<String, Object> counts = api.getJson("/api/members/counts?unitCode=" + district, admin);
        assertThat(counts.get("total")).isEqualTo(QingjiangpuScale.MEMBERS);
        Map<String, Object> coverage = api.getJson("/api/orgs/" + district + "/coverage", admin);
        assertThat(coverage.get("communities")).isEqualTo(QingjiangpuScale.COMMUNITIES);
        assertThat(coverage.get("gridBranches")).isEqualTo(QingjiangpuScale.BRANCHES);
        assertThat(coverage.get("expectedGrids")).isEqualTo(QingjiangpuScale.GRIDS);
        assertThat((List<?>) coverage.get("branchesWithoutSecretary")).isEmpty();
    }

    @Test
    void givenCsvOfUnits_whenImported_thenTheTreeIsBuiltAndARenameIsAnUpdate() {
        String d = OrgApi.fresh("v");
        String csv = "code,name,type,parentCode,expectedGrids\n"
                + d + "-s1-c1,\"城南社区党委\",COMMUNITY," + d + "-s1,3\n"
                + d + ",清江浦区委,DISTRICT,,\n"
                + d + "-s1,浦楼街道党工委,STREET," + d + ",\n";

        Map<String, Object> first = importCsv(csv);
        Map<String, Object> renamed = importCsv(csv.replace("\"城南社区党委\"", "\"城南社区党委（新）\""));

        assertThat(tally(first, "units")).containsEntry("created", 3);
        assertThat(tally(renamed, "units")).containsEntry("updated", 1).containsEntry("unchanged", 2);
        assertThat(api.getJson("/api/orgs/" + d + "-s1-c1", PLATFORM_ADMIN))
                .containsEntry("name", "城南社区党委（新）")
                .containsEntry("path", "/" + d + "/" + d + "-s1/" + d + "-s1-c1")
                .containsEntry("expectedGrids", 3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenInvalidRows_whenImported_thenEveryBadRowIsNamedAndNothingIsWritten() {
        String d = OrgApi.fresh("w");
        Map<String, Object> request = Map.of(
                "units", List.of(
                        Map.of("code", d, "name", "区委", "type", "DISTRICT"),
                        Map.of("code", d + "-s1", "name", "街道", "type", "STREET", "parentCode", "nowhere"),
                        Map.of("code", d + "-s2", "name", "街道", "type", "STREET", "parentCode", d),
                        Map.of("code", d + "-s2", "name", "重复", "type", "STREET", "parentCode", d)),
                "members", List.of(Map.of("id", d + "-m1", "name", "党员", "phone", "12345", "status", "IN_SERVICE",
                        "unitCode", d + "-s2")));

        api.post("/api/orgs/import", PLATFORM_ADMIN, request)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .contains("units[1].parentCode", "units[3].code", "members[0].phone"));
        api.get("/api/orgs/" + d, PLATFORM_ADMIN).expectStatus().isNotFound();
    }

    @Test
    void givenStreetStaffOrADistrictAdminOfAnotherDistrict_whenImporting_thenRefused() {
        String d = OrgApi.fresh("x");
        Map<String, Object> request = Map.of("units", List.of(Map.of("code", d, "name", "区委", "type", "DISTRICT")));
        String street = TestTokens.staff("street-1", "street_staff", "/" + d).bearer();
        String otherAdmin = TestTokens.user("admin-2").roles("district_admin").orgPath("/elsewhere").bearer();

        api.post("/api/orgs/import", street, request).expectStatus().isForbidden();
        api.post("/api/orgs/import", otherAdmin, request)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("units[0].parentCode");
    }

    @Test
    void givenImportWhoseProcessDiedBeforeWritingAllUnits_whenTheTreeIsNextChanged_thenOnlyEventsOfStoredUnitsArePublished() {
        String d = OrgApi.fresh("r");
        api.create(PLATFORM_ADMIN, d, "区委", "DISTRICT", null);
        String stored = d + "-s1";
        String lost = d + "-s2";
        String importId = "import-" + d;
        Instant now = Instant.parse("2026-03-01T08:00:00Z");
        // As a dying import leaves it: its events held, one of its two units written, the lease run out.
        importOutbox.hold(importId, List.of(
                new OrgUnitCreated(stored, 1, "/" + d + "/" + stored, now,
                        new OrgUnitFacts(stored, "一街道", OrgUnitType.STREET, d, "/" + d + "/" + stored, false)),
                new OrgUnitCreated(lost, 1, "/" + d + "/" + lost, now,
                        new OrgUnitFacts(lost, "二街道", OrgUnitType.STREET, d, "/" + d + "/" + lost, false))));
        mongo.getCollection("units").insertOne(new Document("_id", stored).append("name", "一街道")
                .append("type", "STREET").append("parentCode", d).append("path", "/" + d + "/" + stored)
                .append("retired", false).append("version", 1L));
        mongo.getCollection("tree_locks").updateOne(Filters.eq("_id", "org-tree"), Updates.combine(
                Updates.set("lease", FieldLease.holding("dead", new Date(0))), Updates.set("pendingImport", importId)),
                new UpdateOptions().upsert(true));

        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), "org-events")) {
            api.put("/api/orgs/" + d + "/name", PLATFORM_ADMIN, Map.of("name", "清江浦区委")).expectStatus().isOk();

            probe.awaitRecords(r -> stored.equals(r.key()), 1, Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("import_events")
                    .countDocuments(Filters.and(Filters.eq("importId", importId), Filters.exists("outbox.eventId"))) == 0);
            assertThat(probe.drain(Duration.ofSeconds(2))).noneMatch(r -> lost.equals(r.key()));
        }
    }

    private long pending() {
        return mongo.getCollection("units").countDocuments(Filters.exists("outbox.eventId"))
                + mongo.getCollection("members").countDocuments(Filters.exists("outbox.eventId"))
                + mongo.getCollection("import_events").countDocuments(Filters.exists("outbox.eventId"));
    }

    private Map<String, Object> importJson(Object request) {
        return api.post("/api/orgs/import", PLATFORM_ADMIN, request).expectStatus().isOk()
                .expectBody(OrgApi.JSON).returnResult().getResponseBody();
    }

    private Map<String, Object> importCsv(String csv) {
        return api.client().post().uri("/api/orgs/import").header(HttpHeaders.AUTHORIZATION, PLATFORM_ADMIN)
                .contentType(MediaType.valueOf("text/csv;charset=UTF-8")).body(csv.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isOk().expectBody(OrgApi.JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tally(Map<String, Object> report, String section) {
        return (Map<String, Object>) report.get(section);
    }
}
