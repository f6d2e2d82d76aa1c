package org.grassroots.caseservice.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.grassroots.caseservice.intake.IntakeIT.View;
import org.grassroots.caseservice.targets.KnownTargets;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.grids.GridBoundaryChanged;
import org.grassroots.contracts.grids.GridCreated;
import org.grassroots.contracts.grids.GridFacts;
import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.contracts.grids.GridRenamed;
import org.grassroots.contracts.grids.GridRetired;
import org.grassroots.testsupport.ConsumerGroups;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * case-service's own copy of the grids, fed by grid-events on the real broker: reports are located
 * here with no call to grid-service (the stand-in counts every call), follow a redraw and a rename, and
 * go back to grid-service while a grid without a boundary is known. The grids lie away from every other
 * test's points, and are retired at the end, so the copies of other test contexts on the same broker
 * are empty again afterwards.
 */
@ServiceIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GridBoundariesIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String GRID = "320812001001091";
    static final String MICRO = GRID + "01";
    static final String OLD_GRID = "320812001001092";
    static final double WEST = 120.50;
    static final double SOUTH = 31.20;
    static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    static final StandInGridService GRID_SERVICE = new StandInGridService();

    @DynamicPropertySource
    static void gridService(DynamicPropertyRegistry properties) {
        properties.add("grassroots.grid-service.url", GRID_SERVICE::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    GridBoundaries boundaries;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    KafkaAdmin kafka;

    RestTestClient client;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @AfterAll
    static void retireTheGridsAndStop() {
        KnownTargets.publish(new GridRetired(MICRO, 9, CHENGNAN, AT, facts(MICRO, "微网格", GridLevel.MICRO, GRID, true)));
        KnownTargets.publish(new GridRetired(GRID, 9, CHENGNAN, AT, facts(GRID, "网格", GridLevel.LEVEL_1, null, true)));
        KnownTargets.publish(new GridRetired(OLD_GRID, 9, CHENGNAN, AT, facts(OLD_GRID, "旧网格", GridLevel.LEVEL_1, null, true)));
        GRID_SERVICE.close();
    }

    @Test
    @Order(1)
    void givenAGridAndItsMicroGridOnGridEvents_whenReportsFallInsideAndOutside_thenCaseServiceLocatesThemWithoutAskingGridService() {
        KnownTargets.publish(new GridCreated(GRID, 1, CHENGNAN, AT, facts(GRID, "试点网格", GridLevel.LEVEL_1, null, false),
                4.0e6, square(0, 0, 0.02)));
        KnownTargets.publish(new GridCreated(MICRO, 1, CHENGNAN, AT, facts(MICRO, "试点微网格", GridLevel.MICRO, GRID, false),
                1.0e6, square(0, 0, 0.01)));
        awaitAnswering(2);
        int callsBefore = GRID_SERVICE.calls();
        double answeredHereBefore = meters.counter("grassroots.intake.locate", "by", "case-service").count();

        View inMicro = report(WEST + 0.005, SOUTH + 0.005);
        View inGrid = report(WEST + 0.015, SOUTH + 0.015);
        View outside = report(WEST + 0.5, SOUTH + 0.5);

        assertThat(inMicro.located()).isTrue();
        assertThat(inMicro.gridCode()).isEqualTo(MICRO);
        assertThat(inMicro.communityId()).isEqualTo("qjp-pulou-chengnan");
        assertThat(inMicro.streetId()).isEqualTo("qjp-pulou");
        assertThat(inMicro.orgPath()).isEqualTo(CHENGNAN);
        assertThat(inGrid.gridCode()).isEqualTo(GRID);
        assertThat(outside.located()).isFalse();
        assertThat(outside.unlocatedReason()).isEqualTo(Placement.OUTSIDE_EVERY_GRID);
        assertThat(GRID_SERVICE.calls()).as("calls to grid-service").isEqualTo(callsBefore);
        assertThat(meters.counter("grassroots.intake.locate", "by", "case-service").count()).isEqualTo(answeredHereBefore + 3);
        String dispatcher = TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer();
        client.get().uri("/api/cases?grid=" + GRID + "&size=100").header(HttpHeaders.AUTHORIZATION, dispatcher)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].id").value(List.class,
                        ids -> assertThat(ids).contains(inMicro.id(), inGrid.id()));
    }

    @Test
    @Order(2)
    void givenTheMicroGridRedrawnAndRenamed_whenAnOlderEventIsDeliveredAgain_thenTheNewestBoundaryAndNameStand() {
        KnownTargets.publish(new GridBoundaryChanged(MICRO, 2, CHENGNAN, AT,
                facts(MICRO, "试点微网格", GridLevel.MICRO, GRID, false), 1.0e6, square(0.01, 0.01, 0.01)));
        KnownTargets.publish(new GridRenamed(MICRO, 3, CHENGNAN, AT, facts(MICRO, "第一次改名", GridLevel.MICRO, GRID, false)));
        KnownTargets.publish(new GridCreated(MICRO, 1, CHENGNAN, AT, facts(MICRO, "试点微网格", GridLevel.MICRO, GRID, false),
                1.0e6, square(0, 0, 0.01)));
        // One grid's events share a partition, in order: once version 4 is applied, the stale version 1 was read.
        KnownTargets.publish(new GridRenamed(MICRO, 4, CHENGNAN, AT, facts(MICRO, "改名的微网格", GridLevel.MICRO, GRID, false)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(boundaries.locate(new GeoPoint(WEST + 0.015, SOUTH + 0.015)))
                        .get().extracting(Placement::gridName).isEqualTo("改名的微网格"));
        assertThat(report(WEST + 0.015, SOUTH + 0.015).gridCode()).as("the micro-grid's new place").isEqualTo(MICRO);
        assertThat(report(WEST + 0.005, SOUTH + 0.005).gridCode()).as("the micro-grid's old place").isEqualTo(GRID);
    }

    @Test
    @Order(3)
    void givenAGridPublishedBeforeEventsCarriedBoundaries_whenReported_thenGridServiceLocatesUntilTheGridIsRedrawn() {
        KnownTargets.publish(new GridCreated(OLD_GRID, 1, CHENGNAN, AT,
                facts(OLD_GRID, "旧网格", GridLevel.LEVEL_1, null, false), 4.0e6, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> boundaries.describe().contains("1 of them without a boundary"));
        int callsBefore = GRID_SERVICE.calls();

        View asked = report(WEST + 0.005, SOUTH + 0.005);

        assertThat(GRID_SERVICE.calls()).as("calls to grid-service").isEqualTo(callsBefore + 1);
        assertThat(asked.unlocatedReason()).as("the stand-in's answer east of 119.1°").isEqualTo(Placement.OUTSIDE_EVERY_GRID);

        KnownTargets.publish(new GridBoundaryChanged(OLD_GRID, 2, CHENGNAN, AT,
                facts(OLD_GRID, "旧网格", GridLevel.LEVEL_1, null, false), 4.0e6, square(0.1, 0, 0.02)));
        awaitAnswering(3);
        assertThat(report(WEST + 0.11, SOUTH + 0.01).gridCode()).isEqualTo(OLD_GRID);
        assertThat(GRID_SERVICE.calls()).isEqualTo(callsBefore + 1);
    }

    @Test
    @Order(4)
    void givenEveryGridEventRead_whenTheBrokerIsAskedForTheFollowersGroup_thenItHasThisInstanceAndKeepsNoOffset() {
        ConsumerGroups follower = ConsumerGroups.of(listeners, kafka, "case-service-grid-boundaries-");

        assertThat(follower.describe().members()).hasSize(1);
        assertThat(follower.committed()).as("offsets this instance's group would leave behind").isEmpty();
    }

    private void awaitAnswering(int activeGrids) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> boundaries.describe().equals(activeGrids + " active grids: reports are located here"));
    }

    private View report(double lon, double lat) {
        String body = """
                {"categoryCode": "EXPOSED_RUBBISH", "description": "现场情况描述", "point": {"lon": %s, "lat": %s}}
                """.formatted(lon, lat);
        return client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", CHENGNAN).bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated().expectBody(View.class).returnResult().getResponseBody();
    }

    private static GridFacts facts(String code, String name, GridLevel level, String parent, boolean retired) {
        return new GridFacts(code, name, level, parent, "qjp-pulou-chengnan", "qjp-pulou", CHENGNAN, retired);
    }

    /** A square {@code size} degrees wide whose south-west corner lies east and north of the test's corner. */
    private static Map<String, Object> square(double east, double north, double size) {
        double w = WEST + east;
        double s = SOUTH + north;
        return Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(w, s), List.of(w + size, s),
                List.of(w + size, s + size), List.of(w, s + size), List.of(w, s))));
    }
}
