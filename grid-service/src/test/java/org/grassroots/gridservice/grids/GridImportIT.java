package org.grassroots.gridservice.grids;

import java.util.List;
import java.util.Map;

import org.grassroots.gridservice.TestArea;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A district's boundaries loaded in one call, idempotent by code, and read back as GeoJSON. */
@ServiceIntegrationTest
class GridImportIT {

    static final String ADMIN = TestArea.DISTRICT_ADMIN;

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
    void givenAFeatureCollection_whenImportedTwiceThenChanged_thenCreatedUnchangedUpdatedAndRejectedPerFeature() {
        String grid = area.gridCode(1);
        // The micro-grid comes first in the file: the import applies parents first.
        List<Object> features = List.of(
                feature(grid + "01", "第1微网格", "MICRO", grid, null, area.square(0, 0, 0.005)),
                feature(grid, "第一网格", "LEVEL_1", null, area.community().code(), area.square(0, 0, 0.01)),
                feature(area.gridCode(2), "越界网格", "LEVEL_1", null, "qjp-nowhere", area.square(0.02, 0, 0.01)),
                Map.of("type", "Feature", "properties", Map.of("code", area.gridCode(3), "name", "坏网格",
                        "level", "LEVEL_1", "communityId", area.community().code()),
                        "geometry", Map.of("type", "Point", "coordinates", List.of(1, 2))));

        importing(features).expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(2)
                .jsonPath("$.rejected").isEqualTo(2)
                .jsonPath("$.features[0].outcome").isEqualTo("CREATED")
                .jsonPath("$.features[1].outcome").isEqualTo("CREATED")
                .jsonPath("$.features[2].reasons[0].field").isEqualTo("communityId")
                .jsonPath("$.features[3].reasons[0].field").isEqualTo("boundary.type");

        importing(features.subList(0, 2)).expectStatus().isOk().expectBody()
                .jsonPath("$.unchanged").isEqualTo(2).jsonPath("$.created").isEqualTo(0);

        importing(List.of(feature(grid, "第一网格（调整）", "LEVEL_1", null, area.community().code(),
                area.square(0, 0, 0.011)))).expectStatus().isOk().expectBody()
                .jsonPath("$.updated").isEqualTo(1).jsonPath("$.features[0].code").isEqualTo(grid);

        client.get().uri("/api/grids/export?communityId=" + area.community().code())
                .header(HttpHeaders.AUTHORIZATION, ADMIN).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.type").isEqualTo("FeatureCollection")
                .jsonPath("$.features.length()").isEqualTo(2)
                .jsonPath("$.features[0].properties.name").isEqualTo("第一网格（调整）")
                .jsonPath("$.features[0].geometry.type").isEqualTo("Polygon")
                .jsonPath("$.features[1].properties.parentCode").isEqualTo(grid);
    }

    @Test
    void givenSomethingOtherThanAFeatureCollection_whenImported_then400() {
        client.post().uri("/api/grids/import").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("type", "Feature"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        client.post().uri("/api/grids/import").header(HttpHeaders.AUTHORIZATION,
                TestTokens.resident("r-1", area.staffPath()).bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("type", "FeatureCollection", "features", List.of()))
                .exchange().expectStatus().isForbidden();
    }

    RestTestClient.ResponseSpec importing(List<Object> features) {
        return client.post().uri("/api/grids/import").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("type", "FeatureCollection", "features", features)).exchange();
    }

    static Map<String, Object> feature(String code, String name, String level, String parent, String community,
            Object geometry) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("code", code, "name", name, "level", level));
        if (parent != null) {
            properties.put("parentCode", parent);
        }
        if (community != null) {
            properties.put("communityId", community);
        }
        return Map.of("type", "Feature", "properties", properties, "geometry", geometry);
    }
}
