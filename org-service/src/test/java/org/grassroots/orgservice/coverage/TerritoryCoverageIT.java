package org.grassroots.orgservice.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.EventEnvelope;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.grids.BuildingOccupied;
import org.grassroots.contracts.grids.BuildingVacated;
import org.grassroots.contracts.grids.GridCreated;
import org.grassroots.contracts.grids.GridFacts;
import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.contracts.grids.GridRetired;
import org.grassroots.orgservice.OrgApi;
import org.grassroots.orgservice.OrgServiceApplication;
import org.grassroots.testsupport.PlatformInfrastructureInitializer;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 应建尽建 against the real territory on a district with known gaps: grids arrive on grid-events, one
 * of them without its branch, one retired; partners with and without a party organisation; buildings
 * on grid-events with and without their building group, one emptied.
 */
@ServiceIntegrationTest
class TerritoryCoverageIT {

    static final String PLATFORM_ADMIN = TestTokens.user("platform-admin-1").roles("platform_admin").bearer();
    static final EventCodec CODEC = new EventCodec();

    @LocalServerPort
    int port;

    @Autowired
    TerritoryBuildings territoryBuildings;

    @Autowired
    TerritoryGrids territoryGrids;

    @Test
    void givenADistrictWithKnownGaps_whenTheTerritoryIsReported_thenEachGapIsListedUnderItsStreetAndCommunity()
            throws Exception {
        OrgApi api = new OrgApi(port);
        String d = OrgApi.fresh("t");
        String s = d + "-s";
        String c1 = s + "-c1";
        String c2 = s + "-c2";
        Map<String, Object> request = Map.of(
                "units", List.of(
                        Map.of("code", d, "name", "区委", "type", "DISTRICT"),
                        Map.of("code", s, "name", "浦楼街道党工委", "type", "STREET", "parentCode", d),
                        Map.of("code", c1, "name", "城南社区党委", "type", "COMMUNITY", "parentCode", s),
                        Map.of("code", c2, "name", "河滨社区党委", "type", "COMMUNITY", "parentCode", s),
                        Map.of("code", c1 + "-g01", "name", "城南第一网格党支部", "type", "GRID_BRANCH", "parentCode", c1),
                        Map.of("code", c1 + "-g02", "name", "城南第二网格党支部", "type", "GRID_BRANCH", "parentCode", c1),
                        Map.of("code", c1 + "-g01-bg01", "name", "城南第一网格1号楼党小组", "type", "BUILDING_GROUP",
                                "parentCode", c1 + "-g01"),
                        Map.of("code", c1 + "-g01-bg02", "name", "城南第一网格2号楼党小组", "type", "BUILDING_GROUP",
                                "parentCode", c1 + "-g01")),
                "partners", List.of(
                        Map.of("code", d + "-pc", "kind", "PROPERTY_COMPANY", "name", "清浦物业",
                                "communityCodes", List.of(c1), "partyUnitCode", c1),
                        Map.of("code", d + "-so", "kind", "SOCIAL_ORGANIZATION", "name", "城南志愿者协会",
                                "communityCodes", List.of(c1)),
                        Map.of("code", d + "-cb", "kind", "CO_BUILDING_UNIT", "name", "供电公司",
                                "communityCodes", List.of(c1, c2)),
                        Map.of("code", d + "-lcp", "kind", "LEADER_CONTACT_POINT", "name", "挂钩联系点",
                                "communityCodes", List.of(c1))));
        api.post("/api/orgs/import", PLATFORM_ADMIN, request).expectStatus().isOk();
        String prefix = String.valueOf(100_000_000_000L + ThreadLocalRandom.current().nextLong(800_000_000_000L));
        String c1Path = "/" + d + "/" + s + "/" + c1;
        String c2Path = "/" + d + "/" + s + "/" + c2;
        GridCreated g1 = created(prefix + "001", "城南社区第一网格", c1, s, c1Path);
        publish(g1);
        publish(created(prefix + "002", "城南社区第二网格", c1, s, c1Path));
        publish(created(prefix + "003", "城南社区第三网格", c1, s, c1Path));
        publish(created(prefix + "501", "河滨社区第一网格", c2, s, c2Path));
        GridCreated retiring = created(prefix + "502", "河滨社区第二网格", c2, s, c2Path);
        publish(retiring);
        publish(new GridRetired(retiring.code(), 2, c2Path, Instant.now(), new GridFacts(retiring.code(),
                retiring.grid().name(), GridLevel.LEVEL_1, null, c2, s, c2Path, true)));
        publish(retiring); // an older event delivered late changes nothing
        publish(g1); // a redelivery changes nothing
        // Buildings: 1幢 has its building group; 2幢 has none; 5幢 emptied; 河滨 1幢 has none; a retired grid's does not count.
        publish(occupied(prefix + "001", "1幢", 1, c1Path));
        publish(occupied(prefix + "001", "2幢", 1, c1Path));
        publish(occupied(prefix + "001", "5幢", 1, c1Path));
        publish(vacated(prefix + "001", "5幢", 2, c1Path));
        publish(occupied(prefix + "001", "5幢", 1, c1Path)); // an older event delivered late changes nothing
        publish(occupied(prefix + "501", "1幢", 1, c2Path));
        publish(occupied(prefix + "502", "1幢", 1, c2Path));
        api.put("/api/orgs/" + c1 + "-g01-bg01/building", PLATFORM_ADMIN,
                Map.of("gridCode", prefix + "001", "building", " 1幢 ")).expectStatus().isOk()
                .expectBody().jsonPath("$.building").isEqualTo("1幢");
        String streetStaff = TestTokens.staff("s-" + d, "street_staff", "/" + d + "/" + s).bearer();

        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) api.getJson("/api/orgs/" + d + "/coverage/territory",
                PLATFORM_ADMIN).get("grids")).intValue() == 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> territoryBuildings.under(c1Path).stream()
                .filter(b -> b.building().equals("5幢") && !b.occupied()).count() == 1
                && territoryBuildings.under(c2Path).size() == 2);
        Map<String, Object> report = api.getJson("/api/orgs/" + s + "/coverage/territory", streetStaff);

        assertThat(report).containsEntry("grids", 4).containsEntry("gridsWithoutBranch", 2)
                .containsEntry("partners", 4).containsEntry("partnersWithoutParty", 3)
                .containsEntry("buildings", 3).containsEntry("buildingsWithoutGroup", 2);
        assertThat(report.get("streets")).isEqualTo(List.of(Map.of("code", s, "name", "浦楼街道党工委",
                "buildings", 3, "buildingsWithoutGroup", 2, "communities", List.of(
                Map.of("code", c1, "name", "城南社区党委", "grids", 3,
                        "gridsWithoutBranch", List.of(gap(prefix + "003", "城南社区第三网格", "LEVEL_1")),
                        "partners", 3, "partnersWithoutParty", List.of(gap(d + "-cb", "供电公司", "CO_BUILDING_UNIT"),
                                gap(d + "-so", "城南志愿者协会", "SOCIAL_ORGANIZATION")),
                        "buildings", 2, "buildingsWithoutGroup", List.of(Map.of("gridCode", prefix + "001",
                                "gridName", "城南社区第一网格", "building", "2幢"))),
                Map.of("code", c2, "name", "河滨社区党委", "grids", 1,
                        "gridsWithoutBranch", List.of(gap(prefix + "501", "河滨社区第一网格", "LEVEL_1")),
                        "partners", 1, "partnersWithoutParty", List.of(gap(d + "-cb", "供电公司", "CO_BUILDING_UNIT")),
                        "buildings", 1, "buildingsWithoutGroup", List.of(Map.of("gridCode", prefix + "501",
                                "gridName", "河滨社区第一网格", "building", "1幢")))))));

        String csv = api.client().get().uri("/api/orgs/" + s + "/coverage/territory")
                .header("Authorization", streetStaff).header("Accept", "text/csv").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        // The buildings column and one row per building without a group are new (hence 8 lines, not 6).
        assertThat(csv.lines()).hasSize(8).first()
                .isEqualTo("street,street_name,community,community_name,grids,partners,buildings,gap,code,name,kind");
        assertThat(csv).contains(s + ",浦楼街道党工委," + c1 + ",城南社区党委,3,3,2,GRID_WITHOUT_BRANCH," + prefix + "003,城南社区第三网格,LEVEL_1")
                .contains(c2 + ",河滨社区党委,1,1,1,PARTNER_WITHOUT_PARTY," + d + "-cb,供电公司,CO_BUILDING_UNIT")
                .contains(c1 + ",城南社区党委,3,3,2,BUILDING_WITHOUT_GROUP," + prefix + "001,2幢,BUILDING")
                .contains(c2 + ",河滨社区党委,1,1,1,BUILDING_WITHOUT_GROUP," + prefix + "501,1幢,BUILDING");

        // One building group per building; only a building group names one; the grid code is checked.
        api.put("/api/orgs/" + c1 + "-g01-bg02/building", PLATFORM_ADMIN,
                Map.of("gridCode", prefix + "001", "building", "1幢")).expectStatus().isEqualTo(409);
        api.put("/api/orgs/" + c1 + "/building", PLATFORM_ADMIN, Map.of("gridCode", prefix + "001", "building", "3幢"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
        api.put("/api/orgs/" + c1 + "-g01-bg02/building", PLATFORM_ADMIN, Map.of("gridCode", "3208", "building", "2幢"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("gridCode");
        api.put("/api/orgs/" + c1 + "-g01-bg02/building", TestTokens.staff("c2-" + d, "community_staff", c2Path).bearer(),
                Map.of("gridCode", prefix + "001", "building", "2幢")).expectStatus().isNotFound();
        api.put("/api/orgs/" + c1 + "-g01-bg02/building", streetStaff,
                Map.of("gridCode", prefix + "001", "building", "2幢")).expectStatus().isOk();
        assertThat(api.getJson("/api/orgs/" + s + "/coverage/territory", streetStaff))
                .containsEntry("buildings", 3).containsEntry("buildingsWithoutGroup", 1);

        String communityStaff = TestTokens.staff("c-" + d, "community_staff", c2Path).bearer();
        api.get("/api/orgs/" + s + "/coverage/territory", communityStaff).expectStatus().isNotFound();
        api.put("/api/partners/" + d + "-so", PLATFORM_ADMIN, Map.of("kind", "SOCIAL_ORGANIZATION", "name", "x",
                "communityCodes", List.of(c1), "partyUnitCode", "nowhere")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("partyUnitCode");
    }

    @Test
    void givenGridAndBuildingEvents_whenAFreshServiceReplaysTheTopic_thenItsTerritoryEqualsTheLiveOne() throws Exception {
        String prefix = String.valueOf(100_000_000_000L + ThreadLocalRandom.current().nextLong(800_000_000_000L));
        String path = "/r/r-s/r-" + prefix;
        GridCreated grid = created(prefix + "001", "回放网格", "r-" + prefix, "r-s", path);
        publish(grid);
        publish(occupied(prefix + "001", "1幢", 1, path));
        publish(occupied(prefix + "001", "2幢", 1, path));
        publish(vacated(prefix + "001", "2幢", 2, path));
        publish(occupied(prefix + "001", "2幢", 3, path));
        publish(vacated(prefix + "001", "1幢", 2, path));
        publish(occupied(prefix + "001", "1幢", 1, path)); // late and older: ignored
        await().atMost(Duration.ofSeconds(30)).until(() -> territoryBuildings.under(path).stream()
                .mapToLong(TerritoryBuilding::version).sum() == 5);
        List<TerritoryBuilding> live = sorted(territoryBuildings.under(path));
        assertThat(live).extracting(TerritoryBuilding::building, TerritoryBuilding::occupied)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1幢", false),
                        org.assertj.core.groups.Tuple.tuple("2幢", true));

        try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(OrgServiceApplication.class)
                .initializers(new PlatformInfrastructureInitializer())
                // arguments, not default properties: those would lose to the platform's group id
                .run("--server.port=0", "--spring.kafka.consumer.group-id=org-replay-" + UUID.randomUUID())) {
            TerritoryBuildings replayed = fresh.getBean(TerritoryBuildings.class);
            TerritoryGrids replayedGrids = fresh.getBean(TerritoryGrids.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> sorted(replayed.under(path)).equals(live));
            assertThat(replayedGrids.under(path)).isEqualTo(territoryGrids.under(path));
        }
    }

    private static List<TerritoryBuilding> sorted(List<TerritoryBuilding> buildings) {
        return buildings.stream().sorted(java.util.Comparator.comparing(TerritoryBuilding::id)).toList();
    }

    private static BuildingOccupied occupied(String grid, String building, long version, String path) {
        return new BuildingOccupied(grid + ":" + building, version, path, Instant.now(), grid, building);
    }

    private static BuildingVacated vacated(String grid, String building, long version, String path) {
        return new BuildingVacated(grid + ":" + building, version, path, Instant.now(), grid, building);
    }

    private static Map<String, Object> gap(String code, String name, String kind) {
        return Map.of("code", code, "name", name, "kind", kind);
    }

    private static GridCreated created(String code, String name, String community, String street, String path) {
        return new GridCreated(code, 1, path, Instant.now(),
                new GridFacts(code, name, GridLevel.LEVEL_1, null, community, street, path, false), 250_000,
                null); // org-service reads no boundary
    }

    private static void publish(IntegrationEvent event) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.GRID_EVENTS, event.subject(), CODEC.write(event));
        EventEnvelope.of(UUID.randomUUID().toString(), "/grassroots/grid-service", event, null).toHeaders()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(record).get();
        }
    }
}
