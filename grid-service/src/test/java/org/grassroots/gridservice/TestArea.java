package org.grassroots.gridservice;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.grassroots.gridservice.communities.Community;
import org.grassroots.testsupport.TestTokens;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A patch of map and a community of its own for one test, so tests sharing the service's database
 * never draw grids over each other: every call of {@link #fresh} gets a 0.1° square nobody else uses
 * and a community with fresh codes, known to the service as if org-service had announced it.
 */
public record TestArea(double lon, double lat, Community community, String codePrefix) {

    /** The district's administrator, who draws grids anywhere in it. */
    public static final String DISTRICT_ADMIN =
            TestTokens.user("district-admin-1").roles("district_admin").orgPath("/qjp").bearer();

    private static final AtomicInteger NEXT = new AtomicInteger();

    public static TestArea fresh(MongoTemplate mongo) {
        int n = NEXT.getAndIncrement();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Community community = new Community("qjp-test-" + suffix, "测试社区" + suffix, "qjp-pulou",
                "/qjp/qjp-pulou/qjp-test-" + suffix, false, 1);
        known(mongo, community);
        String prefix = String.format("%06d%06d", 100000 + (int) (Math.random() * 899999), n % 1_000_000);
        return new TestArea(100 + (n % 40) * 0.2, 20 + (n / 40) * 0.2, community, prefix);
    }

    /** Stores the community in grid-service's read model, as if org-service had announced it (if not yet there). */
    public static void known(MongoTemplate mongo, Community community) {
        org.bson.Document stored = new org.bson.Document("_id", community.code()).append("name", community.name())
                .append("streetId", community.streetId()).append("path", community.path())
                .append("retired", community.retired()).append("version", community.version());
        if (mongo.getCollection("communities").find(new org.bson.Document("_id", community.code())).first() == null) {
            mongo.getCollection("communities").insertOne(stored);
        }
    }

    /** A 15-digit grid code in this area's community, grid number {@code grid}. */
    public String gridCode(int grid) {
        return codePrefix + String.format("%03d", grid);
    }

    /** A square boundary at an offset (in degrees) from the area's corner. */
    public Map<String, Object> square(double east, double north, double size) {
        double x = lon + east;
        double y = lat + north;
        return Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(x, y), List.of(x + size, y),
                List.of(x + size, y + size), List.of(x, y + size), List.of(x, y))));
    }

    public String staffPath() {
        return community.path();
    }

    /** A bearer token of a staff member of this area's community. */
    public String staff(String userId, String role) {
        return TestTokens.staff(userId, role, staffPath()).bearer();
    }

    /** A client of the service under test. */
    public static RestTestClient client(int port) {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    /** Draws grid {@code number} of this area's community (level 1) through the API as the district administrator. */
    public String drawGrid(RestTestClient client, int number, String name, Map<String, Object> boundary) {
        String code = gridCode(number);
        client.post().uri("/api/grids").header(HttpHeaders.AUTHORIZATION, DISTRICT_ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "name", name, "level", "LEVEL_1", "communityId", community.code(),
                        "boundary", boundary))
                .exchange().expectStatus().isCreated();
        return code;
    }
}
