package org.grassroots.orgservice.stations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.grassroots.orgservice.OrgApi;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Service stations through the API: who keeps them, who reads them, their events, and the nearest open ones. */
@ServiceIntegrationTest
class StationsIT {

    static final String PLATFORM_ADMIN = TestTokens.user("platform-admin-1").roles("platform_admin").bearer();
    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");

    @LocalServerPort
    int port;

    OrgApi api;
    String d;
    String chengnan;
    String chengnanPath;
    String communityStaff;

    @BeforeEach
    void district() {
        api = new OrgApi(port);
        d = OrgApi.fresh("s");
        chengnan = d + "-pulou-chengnan";
        api.create(PLATFORM_ADMIN, d, "清江浦区委", "DISTRICT", null);
        api.create(PLATFORM_ADMIN, d + "-pulou", "浦楼街道党工委", "STREET", d);
        api.create(PLATFORM_ADMIN, chengnan, "城南社区党委", "COMMUNITY", d + "-pulou");
        api.create(PLATFORM_ADMIN, d + "-pulou-hebin", "河滨社区党委", "COMMUNITY", d + "-pulou");
        chengnanPath = "/" + d + "/" + d + "-pulou/" + chengnan;
        communityStaff = TestTokens.staff("c-" + d, "community_staff", chengnanPath).bearer();
    }

    static Map<String, Object> station(String unitCode, double lon, double lat, List<String> days, String opens,
            String closes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "COURIER_STATION");
        body.put("name", "城南小哥驿站");
        body.put("unitCode", unitCode);
        body.put("address", "城南路 1 号");
        body.put("point", Map.of("lon", lon, "lat", lat));
        body.put("hours", List.of(Map.of("days", days, "opens", opens, "closes", closes)));
        body.put("facilities", List.of("DRINKING_WATER", "CHARGING", "MICROWAVE"));
        body.put("contact", Map.of("role", "驿站管理员", "dutyPhone", "0517-83661234"));
        return body;
    }

    @Test
    void givenCommunityStaff_whenTheyRegisterAStationTwiceAndCloseIt_thenOneEventEachAndAClosedStationChangesNoMore() {
        String code = d + "-st-courier";
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), "org-events")) {
            api.put("/api/stations/" + code, communityStaff, station(chengnan, 119.0213, 33.5868, EVERY_DAY, "00:00", "00:00"))
                    .expectStatus().isCreated().expectBody().jsonPath("$.orgPath").isEqualTo(chengnanPath)
                    .jsonPath("$.version").isEqualTo(1).jsonPath("$.facilities[0].label").isEqualTo("饮水");
            api.put("/api/stations/" + code, communityStaff, station(chengnan, 119.0213, 33.5868, EVERY_DAY, "00:00", "00:00"))
                    .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
            api.post("/api/stations/" + code + "/close", communityStaff, Map.of("reason", "场地收回"))
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED")
                    .jsonPath("$.closeReason").isEqualTo("场地收回");

            var records = probe.awaitRecords(r -> code.equals(r.key()), 2, Duration.ofSeconds(30));
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type"))
                    .containsExactly("org.grassroots.org.station-registered", "org.grassroots.org.station-closed");
            assertThat(new String(records.get(0).value())).doesNotContain("83661234").doesNotContain("驿站管理员");
        }
        api.put("/api/stations/" + code, communityStaff, station(chengnan, 119.03, 33.58, EVERY_DAY, "08:00", "20:00"))
                .expectStatus().isEqualTo(409);
        api.post("/api/stations/" + code + "/close", communityStaff, Map.of("reason", "again")).expectStatus().isEqualTo(409);
    }

    @Test
    void givenCallersOfEveryKind_whenTheyKeepOrReadStations_thenOnlyStaffOfTheUnitsAreaKeepAndEveryoneReads() {
        String code = d + "-st-red";
        String hebinStaff = TestTokens.staff("h-" + d, "community_staff", "/" + d + "/" + d + "-pulou/" + d + "-pulou-hebin")
                .bearer();
        String gridWorker = TestTokens.staff("g-" + d, "grid_worker", chengnanPath).bearer();
        String resident = TestTokens.resident("r-" + d, chengnanPath + "/x").bearer();
        Map<String, Object> body = station(chengnan, 119.0213, 33.5868, EVERY_DAY, "08:30", "17:30");

        api.put("/api/stations/" + code, gridWorker, body).expectStatus().isForbidden();
        api.put("/api/stations/" + code, resident, body).expectStatus().isForbidden();
        api.put("/api/stations/" + code, hebinStaff, body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("unitCode");
        api.put("/api/stations/" + code, communityStaff, body).expectStatus().isCreated();
        api.post("/api/stations/" + code + "/close", hebinStaff, Map.of("reason", "x")).expectStatus().isForbidden();

        assertThat(api.getJson("/api/stations/" + code, resident)).containsEntry("code", code)
                .containsEntry("contact", Map.of("role", "驿站管理员", "dutyPhone", "0517-83661234"));
        assertThat(api.getJson("/api/stations?unitCode=" + chengnan, gridWorker).get("totalItems")).isEqualTo(1);
        api.get("/api/stations/facilities", resident).expectStatus().isOk();
    }

    @Test
    void givenMalformedDefinitions_whenSaved_thenRefusedNamingTheField() {
        Map<String, Object> mobile = station(chengnan, 119.0213, 33.5868, EVERY_DAY, "08:30", "17:30");
        mobile.put("contact", Map.of("role", "站长", "dutyPhone", "13812341234"));
        api.put("/api/stations/" + d + "-st-x", communityStaff, mobile).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("contact.dutyPhone");
        api.put("/api/stations/" + d + "-st-x", communityStaff, station(chengnan, 190, 33.5, EVERY_DAY, "08:30", "17:30"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("point.lon");
        api.put("/api/stations/" + d + "-st-x", communityStaff, station(chengnan, 119, 33.5, EVERY_DAY, "18:00", "08:30"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("hours.closes");
        api.put("/api/stations/" + d + "-st-x", communityStaff, station(chengnan, 119, 33.5, EVERY_DAY, "8h", "17:30"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("hours.opens");
        api.get("/api/stations/nearest?lat=33.5", communityStaff).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lon");
    }

    /** Stations at random points around a random place of their own; the API's answer against a brute force. */
    @Test
    void givenStationsAtRandomPoints_whenTheNearestOpenAreAsked_thenTheAnswerEqualsABruteForceComputation() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double baseLon = 75 + random.nextDouble() * 40;
        double baseLat = 20 + random.nextDouble() * 20;
        List<double[]> open = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double lon = baseLon + random.nextDouble() * 0.02;
            double lat = baseLat + random.nextDouble() * 0.02;
            boolean alwaysOpen = i % 3 != 0;
            // The others are open on no day but a Sunday before dawn: closed at the asked time, a Wednesday noon.
            api.put("/api/stations/" + d + "-st-" + i, communityStaff, alwaysOpen
                    ? station(chengnan, lon, lat, EVERY_DAY, "00:00", "00:00")
                    : station(chengnan, lon, lat, List.of("SUNDAY"), "01:00", "02:00")).expectStatus().isCreated();
            if (alwaysOpen) {
                open.add(new double[] {i, lon, lat});
            }
        }
        for (int round = 0; round < 5; round++) {
            double lon = baseLon + random.nextDouble() * 0.02;
            double lat = baseLat + random.nextDouble() * 0.02;
            GeoPoint from = new GeoPoint(lon, lat);

            List<Map<String, Object>> found = api.getList("/api/stations/nearest?lon=" + lon + "&lat=" + lat
                    + "&limit=4&at=2026-12-02T04:00:00Z", communityStaff);

            List<double[]> expected = open.stream()
                    .sorted(Comparator.comparingDouble(s -> from.metresTo(new GeoPoint(s[1], s[2])))).limit(4).toList();
            assertThat(found).hasSize(4);
            for (int i = 0; i < 4; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> stationJson = (Map<String, Object>) found.get(i).get("station");
                double metres = from.metresTo(new GeoPoint(expected.get(i)[1], expected.get(i)[2]));
                assertThat(((Number) found.get(i).get("distanceMetres")).doubleValue())
                        .isCloseTo(metres, org.assertj.core.data.Offset.offset(1.0));
                if (!stationJson.get("code").equals(d + "-st-" + (int) expected.get(i)[0])) {
                    assertThat(Math.abs(((Number) found.get(i).get("distanceMetres")).doubleValue() - metres)).isLessThan(1.0);
                }
            }
        }
    }
}
