package org.grassroots.gridservice.buildings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.grassroots.contracts.Topics;
import org.grassroots.gridservice.TestArea;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Buildings become visible on grid-events from the households: occupied with the first active
 * household, vacated when the last one leaves, and those of a store that had households before
 * buildings existed published once at start — never a unit, a room or a person.
 */
@ServiceIntegrationTest
class BuildingsIT {

    static final String ADMIN = TestArea.DISTRICT_ADMIN;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ApplicationContext context;

    RestTestClient client;
    TestArea area;
    String grid;
    String worker;

    @BeforeEach
    void setUp() {
        client = TestArea.client(port);
        area = TestArea.fresh(mongo);
        grid = area.drawGrid(client, 1, "楼栋测试网格", area.square(0, 0, 0.01));
        worker = area.staff("worker-" + grid, "grid_worker");
    }

    @Test
    void givenHouseholdsComingAndGoing_whenTheirBuildingFirstAndLastHasOne_thenOccupiedAndVacatedArePublished() {
        String building = grid + ":3幢";
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.GRID_EVENTS)) {
            String first = register("3幢", "1单元", "101");
            String second = register("3幢", "2单元", "502");
            List<ConsumerRecord<String, byte[]>> occupied = probe.awaitRecords(r -> building.equals(r.key())
                    && "org.grassroots.grid.building-occupied".equals(TopicProbe.header(r, "ce_type")), 1,
                    Duration.ofSeconds(30));
            // Parsed, not searched as text: a room number such as 101 may turn up inside occurredAt.
            Map<String, Object> event = JSON.readValue(occupied.get(0).value(), Map.class);
            assertThat(event).containsOnlyKeys("buildingId", "aggregateVersion", "orgPath", "occurredAt",
                    "gridCode", "building")
                    .containsEntry("gridCode", grid).containsEntry("building", "3幢")
                    .containsEntry("orgPath", area.staffPath());

            post("/api/households/" + first + "/move-out", worker, Map.of("reason", "迁往外区"));
            post("/api/households/" + second + "/correct", worker, Map.of("building", "4幢", "reason", "登记错楼"));
            probe.awaitRecords(r -> building.equals(r.key())
                    && "org.grassroots.grid.building-vacated".equals(TopicProbe.header(r, "ce_type")), 1,
                    Duration.ofSeconds(30));
            probe.awaitRecords(r -> (grid + ":4幢").equals(r.key())
                    && "org.grassroots.grid.building-occupied".equals(TopicProbe.header(r, "ce_type")), 1,
                    Duration.ofSeconds(30));
        }
        assertThat(stored(building).getBoolean("occupied")).isFalse();
        assertThat(stored(building).get("version", Number.class).longValue()).isEqualTo(2);
        assertThat(stored(grid + ":4幢").getBoolean("occupied")).isTrue();
    }

    @Test
    void givenHouseholdsStoredBeforeBuildingsExisted_whenTheServiceStarts_thenEachInhabitedBuildingIsPublishedOnce() {
        // As a store written before this version: households without buildings, one of them moved out.
        mongo.getCollection("households").insertMany(List.of(
                household("h1-" + grid, "8幢", null), household("h2-" + grid, "8幢", "ACTIVE"),
                household("h3-" + grid, "9幢", "MOVED_OUT")));

        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.GRID_EVENTS)) {
            context.publishEvent(new ApplicationReadyEvent(new org.springframework.boot.SpringApplication(),
                    new String[0], (org.springframework.context.ConfigurableApplicationContext) context,
                    Duration.ZERO));
            probe.awaitRecords(r -> (grid + ":8幢").equals(r.key())
                    && "org.grassroots.grid.building-occupied".equals(TopicProbe.header(r, "ce_type")), 1,
                    Duration.ofSeconds(30));
            context.publishEvent(new ApplicationReadyEvent(new org.springframework.boot.SpringApplication(),
                    new String[0], (org.springframework.context.ConfigurableApplicationContext) context,
                    Duration.ZERO));
        }
        assertThat(stored(grid + ":8幢").get("version", Number.class).longValue()).isEqualTo(1);
        assertThat(mongo.getCollection("buildings").countDocuments(new Document("_id", grid + ":9幢"))).isZero();
    }

    private Document household(String id, String building, String status) {
        Document household = new Document("_id", id).append("gridCode", grid)
                .append("communityId", area.community().code()).append("orgPath", area.staffPath())
                .append("building", building).append("unit", "1单元").append("room", id).append("version", 1L);
        return status == null ? household : household.append("status", status);
    }

    private Document stored(String id) {
        return mongo.getCollection("buildings").find(new Document("_id", id)).first();
    }

    private String register(String building, String unit, String room) {
        return client.post().uri("/api/households").header(HttpHeaders.AUTHORIZATION, worker)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("gridCode", grid, "building", building, "unit", unit, "room", room)).exchange()
                .expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("id").toString();
    }

    private void post(String uri, String token, Map<String, Object> body) {
        client.post().uri(uri).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange().expectStatus().isOk();
    }
}
