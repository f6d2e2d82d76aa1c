package org.grassroots.gridservice.grids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.grids.GridBoundaryChanged;
import org.grassroots.contracts.grids.GridCreated;
import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.gridlocation.Boundaries;
import org.grassroots.gridservice.TestArea;
import org.grassroots.gridservice.geo.GeoJson;
import org.grassroots.testsupport.ConsumerGroups;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Drawing, redrawing and retiring grids through the API, and what the locator makes of them. */
@ServiceIntegrationTest
class GridApiIT {

    static final String ADMIN = TestArea.DISTRICT_ADMIN;
    static final EventCodec CODEC = new EventCodec();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    RestTestClient client;
    TestArea area;

    @BeforeEach
    void setUp() {
        client = TestArea.client(port);
        area = TestArea.fresh(mongo);
    }

    @Test
    void givenAGridAndAMicroGrid_whenAPointInTheMicroGridIsLocated_thenTheMicroGridWithItsGridCommunityAndPath() {
        String grid = area.gridCode(1);
        create(ADMIN, grid, "LEVEL_1", null, area.square(0, 0, 0.02)).expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/grids/" + grid)
                .expectBody()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.streetId").isEqualTo("qjp-pulou")
                .jsonPath("$.orgPath").isEqualTo(area.community().path())
                .jsonPath("$.boundary.type").isEqualTo("Polygon");
        create(ADMIN, grid + "01", "MICRO", grid, area.square(0, 0, 0.01)).expectStatus().isCreated()
                .expectBody().jsonPath("$.communityId").isEqualTo(area.community().code());

        locate(area.lon() + 0.005, area.lat() + 0.005).expectStatus().isOk().expectBody()
                .jsonPath("$.code").isEqualTo(grid + "01")
                .jsonPath("$.level").isEqualTo("MICRO")
                .jsonPath("$.ancestors[0].code").isEqualTo(grid)
                .jsonPath("$.ancestors[0].level").isEqualTo("LEVEL_1")
                .jsonPath("$.ancestors.length()").isEqualTo(1)
                .jsonPath("$.communityId").isEqualTo(area.community().code())
                .jsonPath("$.streetId").isEqualTo("qjp-pulou")
                .jsonPath("$.orgPath").isEqualTo(area.community().path());
        locate(area.lon() + 0.015, area.lat() + 0.015).expectStatus().isOk().expectBody()
                .jsonPath("$.code").isEqualTo(grid)
                .jsonPath("$.ancestors.length()").isEqualTo(0);
    }

    @Test
    void givenAGridIsCreatedAndRedrawn_thenEachEventCarriesTheBoundaryAConsumerCanLocateWith() {
        String grid = area.gridCode(2);
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.GRID_EVENTS)) {
            create(ADMIN, grid, "LEVEL_1", null, area.square(0, 0, 0.02)).expectStatus().isCreated();
            client.put().uri("/api/grids/" + grid).header(HttpHeaders.AUTHORIZATION, ADMIN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("boundary", area.square(0.05, 0, 0.02), "version", 1)).exchange().expectStatus().isOk();

            GridCreated created = CODEC.read(only(probe, grid, "org.grassroots.grid.created").value(), GridCreated.class);
            GridBoundaryChanged redrawn = CODEC.read(only(probe, grid, "org.grassroots.grid.boundary-changed").value(),
                    GridBoundaryChanged.class);

            assertThat(created.grid().communityId()).isEqualTo(area.community().code());
            assertThat(created.areaSquareMetres()).isPositive();
            assertThat(covers(created.boundary(), area.lon() + 0.01, area.lat() + 0.01)).isTrue();
            assertThat(covers(redrawn.boundary(), area.lon() + 0.01, area.lat() + 0.01)).isFalse();
            assertThat(covers(redrawn.boundary(), area.lon() + 0.06, area.lat() + 0.01)).isTrue();
        }
    }

    private static ConsumerRecord<String, byte[]> only(TopicProbe probe, String grid, String type) {
        return probe.awaitRecords(record -> grid.equals(record.key()) && type.equals(TopicProbe.header(record, "ce_type")),
                1, Duration.ofSeconds(30)).get(0);
    }

    private static boolean covers(Map<String, Object> boundary, double lon, double lat) {
        return Boundaries.fromGeoJson(boundary).covers(Boundaries.FACTORY.createPoint(new Coordinate(lon, lat)));
    }

    @Test
    void givenBrokenGeoJson_whenCreating_then400NamingWhatIsWrong() {
        Map<String, Object> flatRing = Map.of("type", "Polygon", "coordinates", List.of(List.of(
                List.of(area.lon(), area.lat()), List.of(area.lon() + 0.01, area.lat()),
                List.of(area.lon() + 0.01, area.lat()), List.of(area.lon(), area.lat()))));

        create(ADMIN, area.gridCode(3), "LEVEL_1", null, flatRing).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("boundary.coordinates[0]")
                .jsonPath("$.errors[0].reason").isEqualTo("grid " + area.gridCode(3)
                        + ": a ring needs at least 3 distinct positions (4 with the closing one) but has 2");
        create(ADMIN, area.gridCode(3), "LEVEL_1", null, Map.of("type", "LineString", "coordinates", List.of()))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("boundary.type");
        client.post().uri("/api/grids").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"code\":\"" + area.gridCode(3) + "\",\"name\":\"x\",\"level\":\"LEVEL_9\",\"communityId\":\""
                        + area.community().code() + "\",\"boundary\":{}}")
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("level");
    }

    @Test
    void givenMoreGridsThanAPage_whenTheListIsReadPageByPage_thenEachOnceByCodeAndABadSizeIs400NamingIt() {
        List<String> codes = List.of(area.gridCode(41), area.gridCode(42), area.gridCode(43));
        for (int i = 0; i < codes.size(); i++) {
            create(ADMIN, codes.get(i), "LEVEL_1", null, area.square(0.02 * i, 0.05, 0.01)).expectStatus().isCreated();
        }

        List<Object> read = new java.util.ArrayList<>();
        for (int page = 0; page < 2; page++) {
            Map<?, ?> answer = client.get().uri("/api/grids?communityId={c}&size=2&page={p}", area.community().code(),
                    page).header(HttpHeaders.AUTHORIZATION, ADMIN).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(answer.get("totalItems")).isEqualTo(3);
            ((List<?>) answer.get("items")).forEach(item -> read.add(((Map<?, ?>) item).get("code")));
        }
        assertThat(read).containsExactlyElementsOf(codes);
        client.get().uri("/api/grids?communityId={c}", area.community().code()).header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.size").isEqualTo(20)
                .jsonPath("$.items[0].boundary").doesNotExist();
        client.get().uri("/api/grids?size=501").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("size");
        client.get().uri("/api/grids/communities?page=-1").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
        client.get().uri("/api/grids/communities?size=1").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.totalItems").value(total -> assertThat(((Number) total).intValue()).isGreaterThan(1));
    }

    /**
     * A boundary JTS accepts and MongoDB's 2dsphere index would refuse: a notch 0.4 m from a 9 km
     * east–west edge that, on the sphere, bows past it. Refused before the write with the grid named;
     * repeated positions and a clockwise ring are stored normalised instead.
     */
    @Test
    void givenABoundaryMongoDbWouldRefuse_whenCreating_then400NamingTheGridAndWhy() {
        double lon = area.lon();
        double lat = area.lat();
        Map<String, Object> notched = Map.of("type", "Polygon", "coordinates", List.of(List.of(
                List.of(lon, lat), List.of(lon + 0.09, lat), List.of(lon + 0.09, lat + 0.05),
                List.of(lon + 0.045, lat + 0.05), List.of(lon + 0.045, lat + 0.000004),
                List.of(lon + 0.0225, lat + 0.000004), List.of(lon + 0.0225, lat + 0.05), List.of(lon, lat + 0.05),
                List.of(lon, lat))));

        create(ADMIN, area.gridCode(13), "LEVEL_1", null, notched).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("boundary")
                .jsonPath("$.errors[0].reason").value(reason -> assertThat((String) reason)
                        .startsWith("grid " + area.gridCode(13) + ": ring 0 edge 0").contains("cross on the sphere"));

        Map<String, Object> clockwiseWithRepeats = Map.of("type", "Polygon", "coordinates", List.of(List.of(
                List.of(lon, lat), List.of(lon, lat + 0.01), List.of(lon, lat + 0.01), List.of(lon + 0.01, lat + 0.01),
                List.of(lon + 0.01, lat))));
        create(ADMIN, area.gridCode(13), "LEVEL_1", null, clockwiseWithRepeats).expectStatus().isCreated();
        assertThat(mongo.getCollection("grids").find(new org.bson.Document("_id", area.gridCode(13))).first()
                .get("boundary", org.bson.Document.class).getList("coordinates", List.class).get(0))
                .isEqualTo(List.of(List.of(lon, lat), List.of(lon + 0.01, lat), List.of(lon + 0.01, lat + 0.01),
                        List.of(lon, lat + 0.01), List.of(lon, lat)));
    }

    @Test
    void givenSiblingsOverlappingMoreThanTolerated_whenCreating_then400NamingTheSiblingAndTheArea() {
        create(ADMIN, area.gridCode(4), "LEVEL_1", null, area.square(0, 0, 0.01)).expectStatus().isCreated();

        create(ADMIN, area.gridCode(5), "LEVEL_1", null, area.square(0.005, 0, 0.01)).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("boundary")
                .jsonPath("$.errors[0].reason").value(String.class, reason -> assertThat(reason)
                        .startsWith("overlaps sibling grid " + area.gridCode(4) + " by ").contains(" m²"));
    }

    @Test
    void givenSiblingsOverlappingByASliver_whenCreating_thenCreatedAndTheOverlapReportedWithItsArea() {
        create(ADMIN, area.gridCode(6), "LEVEL_1", null, area.square(0, 0, 0.01)).expectStatus().isCreated();

        // corner to corner: 0.00001° × 0.00001° ≈ 1.1 m × 1.0 m
        create(ADMIN, area.gridCode(7), "LEVEL_1", null, area.square(0.00999, 0.00999, 0.01))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.overlaps[0].code").isEqualTo(area.gridCode(6))
                .jsonPath("$.overlaps[0].areaSquareMetres").value(Double.class,
                        overlap -> assertThat(overlap).isBetween(0.5, 2.0));
    }

    @Test
    void givenAMicroGridReachingOutsideItsGrid_whenCreating_then400() {
        String grid = area.gridCode(8);
        create(ADMIN, grid, "LEVEL_1", null, area.square(0, 0, 0.01)).expectStatus().isCreated();

        create(ADMIN, grid + "01", "MICRO", grid, area.square(0.005, 0.005, 0.01)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].reason").value(String.class,
                        reason -> assertThat(reason).startsWith("reaches outside its parent grid " + grid));
        // within the 5 m tolerance: 0.00003° ≈ 3.3 m
        create(ADMIN, grid + "02", "MICRO", grid, area.square(-0.00003, 0, 0.005)).expectStatus().isCreated();
    }

    @Test
    void givenAnUnknownCommunityOrAWrongCode_whenCreating_then400() {
        client.post().uri("/api/grids").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", area.gridCode(9), "name", "无名网格", "level", "LEVEL_1",
                        "communityId", "qjp-nowhere", "boundary", area.square(0, 0, 0.01)))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("communityId");
        create(ADMIN, "3208120010010", "LEVEL_1", null, area.square(0, 0, 0.01)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
    }

    @Test
    void givenCallersWithoutTheRightOrOutsideTheArea_whenCreating_thenForbidden() {
        String resident = TestTokens.resident("resident-1", area.staffPath()).bearer();
        String otherCommunity = TestTokens.staff("staff-2", "community_staff", "/qjp/qjp-pulou/qjp-pulou-hebin").bearer();
        String ownCommunity = TestTokens.staff("staff-1", "community_staff", area.staffPath()).bearer();

        create(resident, area.gridCode(10), "LEVEL_1", null, area.square(0, 0, 0.01)).expectStatus().isForbidden();
        create(otherCommunity, area.gridCode(10), "LEVEL_1", null, area.square(0, 0, 0.01)).expectStatus().isForbidden();
        create(ownCommunity, area.gridCode(10), "LEVEL_1", null, area.square(0, 0, 0.01)).expectStatus().isCreated();
    }

    @Test
    void givenAGrid_whenRedrawnRenamedAndRetired_thenTheLocatorFollowsAndStaleVersionsConflict() {
        String grid = area.gridCode(11);
        create(ADMIN, grid, "LEVEL_1", null, area.square(0, 0, 0.01)).expectStatus().isCreated();
        locate(area.lon() + 0.015, area.lat() + 0.005).expectStatus().isNotFound();

        client.put().uri("/api/grids/" + grid).header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "改名后的网格", "boundary", area.square(0, 0, 0.02), "version", 1))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(3)
                .jsonPath("$.name").isEqualTo("改名后的网格");
        locate(area.lon() + 0.015, area.lat() + 0.005).expectStatus().isOk().expectBody()
                .jsonPath("$.code").isEqualTo(grid).jsonPath("$.name").isEqualTo("改名后的网格");

        client.put().uri("/api/grids/" + grid).header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "再改", "version", 1))
                .exchange().expectStatus().isEqualTo(409);

        create(ADMIN, grid + "01", "MICRO", grid, area.square(0, 0, 0.01)).expectStatus().isCreated();
        client.post().uri("/api/grids/" + grid + "/retire").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange().expectStatus().isEqualTo(409);
        client.post().uri("/api/grids/" + grid + "01/retire").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange().expectStatus().isOk();
        client.post().uri("/api/grids/" + grid + "/retire").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.retired").isEqualTo(true);

        locate(area.lon() + 0.005, area.lat() + 0.005).expectStatus().isNotFound();
    }

    @Test
    void givenPointsOutsideEveryGridOrBadCoordinates_whenLocated_then404Or400NamingTheParameter() {
        locate(-150.0, -80.0).expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:not-found")
                .jsonPath("$.detail").isEqualTo("No grid contains the point lon -150.0, lat -80.0");
        locate(119.0, 91.0).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lat");
        client.get().uri("/api/grids/locate?lon=east&lat=33.6").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lon");
        client.get().uri("/api/grids/locate?lat=33.6").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lon");
        client.get().uri("/api/grids/locate?lon=119&lat=33.6").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void givenAnotherInstanceDrewAGrid_whenItsEventArrives_thenThisInstanceLocatesItAndItsGroupKeepsNoOffset() {
        Grid drawn = drawnElsewhere(12, "另一实例的网格");
        String grid = drawn.code();
        // As another instance would: the document and its outbox written, the relay publishing it.
        otherInstanceStore.insert(GridDocument.of(drawn), drawn.created());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> locate(area.lon() + 0.005, area.lat() + 0.005)
                .expectStatus().isOk().expectBody().jsonPath("$.code").isEqualTo(grid));
        ConsumerGroups locator = ConsumerGroups.of(listeners, kafka, "grid-service-locator-");
        assertThat(locator.describe().members()).hasSize(1);
        assertThat(locator.committed()).as("offsets this instance's group would leave behind").isEmpty();
    }

    @Test
    void givenAGridDrawnBeforeEventsCarriedBoundaries_whenTheServiceStarts_thenItsBoundaryIsSentOnceAndNotAgain() {
        Grid drawn = drawnElsewhere(13, "旧版本画的网格");
        String grid = drawn.code();
        // As the release before stored it: no marker, and its grid.created (long published) without the boundary.
        otherInstanceStore.insert(GridDocument.of(drawn), List.of());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(grid)), new Update().unset("boundaryPublished"),
                GridDocument.COLLECTION);

        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.GRID_EVENTS)) {
            assertThat(grids.publishUnpublishedBoundaries()).as("grids whose boundary was sent").isPositive();
            GridBoundaryChanged sent = CODEC.read(only(probe, grid, "org.grassroots.grid.boundary-changed").value(),
                    GridBoundaryChanged.class);
            assertThat(sent.aggregateVersion()).isEqualTo(2);
            assertThat(covers(sent.boundary(), area.lon() + 0.005, area.lat() + 0.005)).isTrue();
            assertThat(covers(sent.boundary(), area.lon() + 0.015, area.lat() + 0.005)).isFalse();

            grids.publishUnpublishedBoundaries(); // the next start
            assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(record -> grid.equals(record.key()))
                    .as("events about the grid after both starts").hasSize(1);
            assertThat(grids.get(grid).version()).isEqualTo(2);
        }
    }

    /** A level-1 grid around the area's corner, drawn not through this instance's API. */
    private Grid drawnElsewhere(int n, String name) {
        return Grid.draw(area.gridCode(n), name, GridLevel.LEVEL_1, null, area.community(),
                GeoJson.readBoundary(area.square(0, 0, 0.01), "b"), Instant.now());
    }

    @Autowired
    Grids grids;

    @Autowired
    org.grassroots.platform.outbox.AggregateStore otherInstanceStore;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    KafkaAdmin kafka;

    RestTestClient.ResponseSpec create(String bearer, String code, String level, String parent, Object boundary) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", "网格" + code, "level", level,
                "boundary", boundary));
        if (parent == null) {
            body.put("communityId", area.community().code());
        } else {
            body.put("parentCode", parent);
        }
        return client.post().uri("/api/grids").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    RestTestClient.ResponseSpec locate(double lon, double lat) {
        return client.get().uri("/api/grids/locate?lon={lon}&lat={lat}", lon, lat)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", "/qjp").bearer()).exchange();
    }
}
