package org.grassroots.orgservice.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.grassroots.orgservice.OrgApi;
import org.grassroots.platform.lease.FieldLease;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** The tree through its API: paths, moves, races, queries and who may see and change what. */
@ServiceIntegrationTest
class OrgTreeIT {

    static final String PLATFORM_ADMIN = TestTokens.user("platform-admin-1").roles("platform_admin").bearer();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    OrgApi api;
    String d;
    String districtAdmin;

    @BeforeEach
    void district() {
        api = new OrgApi(port);
        d = OrgApi.fresh("d");
        api.create(PLATFORM_ADMIN, d, "测试区委", "DISTRICT", null);
        districtAdmin = TestTokens.user("district-admin-" + d).roles("district_admin").orgPath("/" + d).bearer();
    }

    /** street → community → 3 branches → building groups → central households, under {@code street}. */
    private String community(String street, String name) {
        String c = street + "-" + OrgApi.fresh("c");
        api.create(districtAdmin, c, name, "COMMUNITY", street);
        for (int g = 1; g <= 3; g++) {
            String branch = c + "-g0" + g;
            api.create(districtAdmin, branch, name + "第" + g + "网格党支部", "GRID_BRANCH", c);
            String group = branch + "-bg01";
            api.create(districtAdmin, group, "楼栋党小组", "BUILDING_GROUP", branch);
            api.create(districtAdmin, group + "-h01", "党员中心户", "CENTRAL_HOUSEHOLD", group);
        }
        return c;
    }

    private String street(String suffix) {
        String s = d + "-" + suffix;
        api.create(districtAdmin, s, suffix + "街道党工委", "STREET", d);
        return s;
    }

    @Test
    void givenDeepSubtree_whenCommunityMovesToAnotherStreet_thenEveryPathBelowIsRewrittenAndOneEventSaysSo() {
        String pulou = street("pulou");
        String changxi = street("changxi");
        String chengnan = community(pulou, "城南社区党委");

        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), "org-events")) {
            api.post("/api/orgs/" + chengnan + "/move", districtAdmin, Map.of("parentCode", changxi, "version", 1))
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.path").isEqualTo("/" + d + "/" + changxi + "/" + chengnan)
                    .jsonPath("$.version").isEqualTo(2);

            var moved = probe.awaitRecords(r -> chengnan.equals(r.key())
                    && "org.grassroots.org.unit-moved".equals(TopicProbe.header(r, "ce_type")), 1, Duration.ofSeconds(30));
            assertThat(new String(moved.get(0).value())).contains("\"previousPath\":\"/" + d + "/" + pulou + "/" + chengnan + "\"");
        }

        List<Map<String, Object>> subtree = subtree(chengnan);
        assertThat(subtree).hasSize(9);
        assertThat(subtree).allSatisfy(unit ->
                assertThat((String) unit.get("path")).startsWith("/" + d + "/" + changxi + "/" + chengnan + "/"));
        assertTreeConsistent();
        assertThat(api.getList("/api/orgs/" + pulou + "/children", districtAdmin)).isEmpty();
        api.getJson("/api/orgs/" + chengnan + "-g01-bg01-h01", districtAdmin);
        assertThat(api.getJson("/api/orgs/" + chengnan + "-g01-bg01-h01", districtAdmin).get("path"))
                .isEqualTo("/" + d + "/" + changxi + "/" + chengnan + "/" + chengnan + "-g01/" + chengnan + "-g01-bg01/"
                        + chengnan + "-g01-bg01-h01");
    }

    @Test
    void givenDescendantReadBeforeAMove_whenRenamedWithTheOldVersion_thenConflict() {
        String pulou = street("pulou");
        String changxi = street("changxi");
        String chengnan = community(pulou, "城南社区党委");

        api.post("/api/orgs/" + chengnan + "/move", districtAdmin, Map.of("parentCode", changxi))
                .expectStatus().isOk();

        api.put("/api/orgs/" + chengnan + "-g02/name", districtAdmin, Map.of("name", "新名", "version", 1))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:grassroots:problem:version-conflict");
    }

    @Test
    void givenStreet_whenMovedUnderItsOwnCommunity_thenRefusedNamingParentCode() {
        String pulou = street("pulou");
        String chengnan = community(pulou, "城南社区党委");

        api.post("/api/orgs/" + pulou + "/move", districtAdmin, Map.of("parentCode", chengnan + "-g01"))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("parentCode")
                .jsonPath("$.errors[0].reason").value(reason -> assertThat((String) reason).contains("subtree"));
        assertTreeConsistent();
    }

    @Test
    void givenConcurrentMovesOfACommunityAndOfABranchIntoIt_whenRacing_thenTheTreeStaysConsistent() throws Exception {
        String pulou = street("pulou");
        String changxi = street("changxi");
        String chengnan = community(pulou, "城南社区党委");
        String hebin = community(pulou, "河滨社区党委");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                String from = round % 2 == 0 ? pulou : changxi;
                String to = round % 2 == 0 ? changxi : pulou;
                String branch = hebin + "-g0" + (round + 1);
                String otherBranch = hebin + "-g0" + ((round + 1) % 3 + 1);
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Integer>> moves = List.of(
                        () -> move(start, chengnan, to),
                        () -> move(start, branch, chengnan),
                        () -> move(start, hebin, to),
                        () -> move(start, otherBranch, chengnan));
                List<Future<Integer>> results = new ArrayList<>();
                moves.forEach(m -> results.add(pool.submit(m)));
                start.countDown();
                for (Future<Integer> result : results) {
                    assertThat(result.get(60, TimeUnit.SECONDS)).isIn(200, 400);
                }
                assertTreeConsistent();
                assertThat(api.getJson("/api/orgs/" + chengnan, districtAdmin).get("parentCode")).isEqualTo(to);
                assertThat(from).isNotEqualTo(to);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private int move(CountDownLatch start, String code, String parent) throws InterruptedException {
        start.await();
        return api.post("/api/orgs/" + code + "/move", districtAdmin, Map.of("parentCode", parent))
                .returnResult(String.class).getStatus().value();
    }

    @Test
    void givenAMoveWhoseHolderDiedHalfWay_whenTheTreeIsNextChanged_thenTheRewriteIsFinishedFirst() {
        String pulou = street("pulou");
        String changxi = street("changxi");
        String chengnan = community(pulou, "城南社区党委");
        String oldPath = "/" + d + "/" + pulou + "/" + chengnan;
        String newPath = "/" + d + "/" + changxi + "/" + chengnan;
        // As a crashed holder leaves it: the community moved, its descendants not yet, the lease run out.
        mongo.getCollection("units").updateOne(Filters.eq("_id", chengnan), Updates.combine(
                Updates.set("path", newPath), Updates.set("parentCode", changxi), Updates.inc("version", 1)));
        mongo.getCollection(TreeLock.COLLECTION).updateOne(Filters.eq("_id", "org-tree"), Updates.combine(
                Updates.set(TreeLock.LEASE, FieldLease.holding("dead", new java.util.Date(0))),
                Updates.set("pendingMove", new Document("from", oldPath).append("to", newPath))),
                new com.mongodb.client.model.UpdateOptions().upsert(true));

        api.put("/api/orgs/" + changxi + "/name", districtAdmin, Map.of("name", "长西街道党工委"))
                .expectStatus().isOk();

        assertThat(api.getJson("/api/orgs/" + chengnan + "-g03", districtAdmin).get("path"))
                .isEqualTo(newPath + "/" + chengnan + "-g03");
        assertTreeConsistent();
    }

    @Test
    void givenTree_whenQueried_thenChildrenSubtreePagesAncestorsAndSearchAnswer() {
        String pulou = street("pulou");
        String chengnan = community(pulou, "城南社区党委");
        String branch = chengnan + "-g02";

        assertThat(api.getList("/api/orgs/" + chengnan + "/children", districtAdmin))
                .extracting(u -> u.get("code")).containsExactly(chengnan + "-g01", chengnan + "-g02", chengnan + "-g03");
        Map<String, Object> page = api.getJson("/api/orgs/" + chengnan + "/subtree?page=1&size=4", districtAdmin);
        assertThat(page.get("totalItems")).isEqualTo(9);
        assertThat((List<?>) page.get("items")).hasSize(4);
        assertThat(api.getList("/api/orgs/" + branch + "/ancestors", districtAdmin))
                .extracting(u -> u.get("code")).containsExactly(d, pulou, chengnan);
        String streetStaff = TestTokens.staff("street-" + d, "street_staff", "/" + d + "/" + pulou).bearer();
        assertThat(api.getList("/api/orgs/" + branch + "/ancestors", streetStaff))
                .extracting(u -> u.get("code")).containsExactly(pulou, chengnan);
        Map<String, Object> byName = api.getJson("/api/orgs?q=城南社区党委第2网格", districtAdmin);
        assertThat(byName.get("totalItems")).isEqualTo(1);
        Map<String, Object> byCode = api.getJson("/api/orgs?q=" + chengnan + "-g&type=GRID_BRANCH", districtAdmin);
        assertThat(byCode.get("totalItems")).isEqualTo(3);
    }

    @Test
    void givenCommunityStaff_whenTheyLookAtOrChangeAnotherCommunity_thenItDoesNotExistForThem() {
        String pulou = street("pulou");
        String changxi = street("changxi");
        String chengnan = community(pulou, "城南社区党委");
        String hebin = community(pulou, "河滨社区党委");
        String huaihai = community(changxi, "淮海社区党委");
        String chengnanStaff = TestTokens.staff("dispatcher-" + d, "community_staff",
                "/" + d + "/" + pulou + "/" + chengnan).bearer();
        String changxiStaff = TestTokens.staff("street-" + d, "street_staff", "/" + d + "/" + changxi).bearer();

        api.get("/api/orgs/" + chengnan + "-g01", chengnanStaff).expectStatus().isOk();
        api.get("/api/orgs/" + hebin, chengnanStaff).expectStatus().isNotFound();
        api.put("/api/orgs/" + hebin + "/name", chengnanStaff, Map.of("name", "x")).expectStatus().isNotFound();
        api.get("/api/orgs/" + chengnan, changxiStaff).expectStatus().isNotFound();
        api.get("/api/orgs/" + huaihai + "/subtree", changxiStaff).expectStatus().isOk();
        assertThat(api.getJson("/api/orgs?q=社区党委&type=COMMUNITY", changxiStaff).get("totalItems")).isEqualTo(1);
        api.post("/api/orgs/" + chengnan + "-g01/move", chengnanStaff, Map.of("parentCode", huaihai))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("parentCode");
    }

    @Test
    void givenStaffOfTheArea_whenTheyChangeIt_thenEditorsMayAndGridWorkersMayOnlyLook() {
        String pulou = street("pulou");
        String chengnan = community(pulou, "城南社区党委");
        String path = "/" + d + "/" + pulou + "/" + chengnan;
        String dispatcher = TestTokens.staff("dispatcher-" + d, "community_staff", path).bearer();
        String gridWorker = TestTokens.staff("grid-" + d, "grid_worker", path).bearer();
        String resident = TestTokens.resident("resident-" + d, path).bearer();

        api.put("/api/orgs/" + chengnan + "-g01/name", dispatcher, Map.of("name", "城南第一网格党支部"))
                .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("城南第一网格党支部");
        api.post("/api/orgs", dispatcher, OrgApi.unit(chengnan + "-g04", "第四网格党支部", "GRID_BRANCH", chengnan))
                .expectStatus().isCreated();
        api.get("/api/orgs/" + chengnan, gridWorker).expectStatus().isOk();
        api.put("/api/orgs/" + chengnan + "-g01/name", gridWorker, Map.of("name", "x")).expectStatus().isForbidden();
        api.post("/api/orgs/" + chengnan + "/retire", dispatcher, Map.of()).expectStatus().isForbidden();
        api.get("/api/orgs/" + chengnan, resident).expectStatus().isForbidden();
    }

    @Test
    void givenUnitWithActiveChildren_whenRetired_thenRefusedUntilTheyAreRetired() {
        String pulou = street("pulou");
        String chengnan = community(pulou, "城南社区党委");
        String group = chengnan + "-g01-bg01";

        api.post("/api/orgs/" + group + "/retire", districtAdmin, Map.of()).expectStatus().isEqualTo(409);
        api.post("/api/orgs/" + group + "-h01/retire", districtAdmin, Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.retired").isEqualTo(true);
        api.post("/api/orgs/" + group + "/retire", districtAdmin, Map.of()).expectStatus().isOk();
        api.post("/api/orgs", districtAdmin, OrgApi.unit(group + "-h02", "中心户", "CENTRAL_HOUSEHOLD", group))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("parentCode");
    }

    @Test
    void givenBadInput_whenCreating_thenProblemDetailsNameTheField() {
        api.post("/api/orgs", districtAdmin, OrgApi.unit(d + "-x", "x", "VILLAGE", d))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        api.post("/api/orgs", districtAdmin, OrgApi.unit("Bad Code", "x", "STREET", d))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
        api.post("/api/orgs", districtAdmin, OrgApi.unit(d + "-y", "x", "STREET", "nowhere"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("parentCode");
        api.post("/api/orgs", districtAdmin, OrgApi.unit(d, "again", "STREET", d)).expectStatus().isEqualTo(409);
        api.get("/api/orgs/" + d + "/subtree?size=0", districtAdmin)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    private List<Map<String, Object>> subtree(String code) {
        Map<String, Object> page = api.getJson("/api/orgs/" + code + "/subtree?size=500", districtAdmin);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        return items;
    }

    /** Every unit of the district sits where its parent's path says, and no path repeats a code. */
    private void assertTreeConsistent() {
        List<Map<String, Object>> all = new ArrayList<>(subtree(d));
        Map<String, String> paths = new HashMap<>();
        paths.put(d, "/" + d);
        all.forEach(u -> paths.put((String) u.get("code"), (String) u.get("path")));
        assertThat(all).allSatisfy(unit -> {
            String path = (String) unit.get("path");
            assertThat(path).isEqualTo(paths.get((String) unit.get("parentCode")) + "/" + unit.get("code"));
            assertThat(List.of(path.split("/"))).doesNotHaveDuplicates();
        });
    }
}
