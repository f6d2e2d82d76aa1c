package org.grassroots.gridservice.staff;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Grid staff with history: assigned and unassigned by community staff, read per grid and per worker. */
@ServiceIntegrationTest
class GridStaffIT {

    static final String ADMIN = TestArea.DISTRICT_ADMIN;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    StaffRepository repository;

    RestTestClient client;
    TestArea area;
    String grid;
    String dispatcher;

    @BeforeEach
    void setUp() {
        client = TestArea.client(port);
        area = TestArea.fresh(mongo);
        grid = area.drawGrid(client, 1, "人员测试网格", area.square(0, 0, 0.01));
        dispatcher = area.staff("dispatcher-" + grid, "community_staff");
    }

    @Test
    void givenWorkersAssignedAndOneUnassigned_thenTheGridListsCurrentStaffAndKeepsTheHistory() {
        String worker = "worker-" + grid;
        String assignment = assign(Map.of("userId", worker, "role", "FULL_TIME_WORKER", "post", "POST_B"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        assign(Map.of("userId", "chief-" + grid, "role", "GRID_CHIEF")).expectStatus().isCreated();
        assign(Map.of("userId", "courier-" + grid, "role", "PART_TIME_WORKER")).expectStatus().isCreated();

        client.get().uri("/api/grids/{g}/staff", grid).header(HttpHeaders.AUTHORIZATION, dispatcher).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.totalItems").isEqualTo(3).jsonPath("$.size").isEqualTo(50);
        client.get().uri("/api/grids/{g}/staff?page=1&size=2", grid).header(HttpHeaders.AUTHORIZATION, dispatcher)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.totalItems").isEqualTo(3);
        client.get().uri("/api/grids/{g}/staff?size=501", grid).header(HttpHeaders.AUTHORIZATION, dispatcher)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        String workerToken = TestTokens.staff(worker, "grid_worker", area.staffPath()).bearer();
        client.get().uri("/api/grids/workers/me/grids").header(HttpHeaders.AUTHORIZATION, workerToken).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].gridCode").isEqualTo(grid).jsonPath("$.items[0].post").isEqualTo("POST_B")
                .jsonPath("$.totalItems").isEqualTo(1).jsonPath("$.size").isEqualTo(50);

        client.post().uri("/api/grids/{g}/staff/{a}/unassign", grid, assignment)
                .header(HttpHeaders.AUTHORIZATION, dispatcher).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false).jsonPath("$.version")
                .isEqualTo(2);

        client.get().uri("/api/grids/{g}/staff", grid).header(HttpHeaders.AUTHORIZATION, dispatcher).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(2);
        client.get().uri("/api/grids/{g}/staff?history=true", grid).header(HttpHeaders.AUTHORIZATION, dispatcher)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(3);
        client.get().uri("/api/grids/workers/{w}/grids?history=true", worker).header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[0].unassignedAt").exists();
    }

    @Test
    void givenAWorkerAssignedWithAName_whenStaffList_thenColleaguesSeeTheNameOverseersTheSurnameAndEventsNone() {
        String worker = "named-" + grid;
        assign(Map.of("userId", worker, "role", "FULL_TIME_WORKER", "post", "POST_A", "name", " 陈明 "))
                .expectStatus().isCreated().expectBody().jsonPath("$.name").isEqualTo("陈明");
        String street = TestTokens.staff("street-" + grid, "street_staff", "/qjp/qjp-pulou").bearer();
        String workerToken = TestTokens.staff(worker, "grid_worker", area.staffPath()).bearer();

        client.get().uri("/api/grids/{g}/staff", grid).header(HttpHeaders.AUTHORIZATION, dispatcher).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].name").isEqualTo("陈明")
                .jsonPath("$.items[0].nameMasked").isEqualTo(false);
        client.get().uri("/api/grids/{g}/staff", grid).header(HttpHeaders.AUTHORIZATION, street).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].name").isEqualTo("陈*")
                .jsonPath("$.items[0].nameMasked").isEqualTo(true);
        client.get().uri("/api/grids/{g}/staff", grid).header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].name").isEqualTo("陈*");
        client.get().uri("/api/grids/workers/me/grids").header(HttpHeaders.AUTHORIZATION, workerToken).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].name").isEqualTo("陈明");
        // The events say who holds the post by account, never by name.
        org.bson.Document stored = mongo.getCollection("staff_assignments")
                .find(new org.bson.Document("userId", worker)).first();
        assertThat(stored.getString("name")).as("sealed at rest").isNotNull().doesNotContain("陈");
        StaffAssignment assignment = repository.find(stored.getString("_id")).orElseThrow();
        assertThat(assignment.name()).isEqualTo("陈明");
        assertThat(assignment.assigned().toString()).doesNotContain("陈明").contains(worker);
        assertThat(assignment.unassign(java.time.Instant.now(), "x").toString()).doesNotContain("陈明");
    }

    @Test
    void givenRulesOfRoles_whenBroken_then400Or409() {
        assign(Map.of("userId", "w1", "role", "FULL_TIME_WORKER")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("post");
        assign(Map.of("userId", "w1", "role", "MICRO_GRID_CHIEF")).expectStatus().isBadRequest();
        assign(Map.of("userId", "w1", "role", "BUILDING_LEADER")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("building");
        assign(Map.of("userId", "w1", "role", "BUILDING_LEADER", "building", "3幢")).expectStatus().isCreated();
        assign(Map.of("userId", "w1", "role", "BUILDING_LEADER", "building", "3幢")).expectStatus().isEqualTo(409);
        assign(Map.of("userId", "c1", "role", "GRID_CHIEF")).expectStatus().isCreated();
        assign(Map.of("userId", "c2", "role", "GRID_CHIEF")).expectStatus().isEqualTo(409);
    }

    @Test
    void givenCallersOutsideTheAreaOrWithoutTheRole_thenForbiddenOrNothingShown() {
        String otherCommunity = TestTokens.staff("d-2", "community_staff", "/qjp/qjp-pulou/qjp-pulou-hebin").bearer();
        String resident = TestTokens.resident("resident-1", area.staffPath()).bearer();
        client.post().uri("/api/grids/{g}/staff", grid).header(HttpHeaders.AUTHORIZATION, otherCommunity)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("userId", "w9", "role", "PART_TIME_WORKER"))
                .exchange().expectStatus().isForbidden();
        client.get().uri("/api/grids/{g}/staff", grid).header(HttpHeaders.AUTHORIZATION, otherCommunity).exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/grids/{g}/staff", grid).header(HttpHeaders.AUTHORIZATION, resident).exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/grids/workers/someone/grids").header(HttpHeaders.AUTHORIZATION, resident).exchange()
                .expectStatus().isNotFound();
    }

    RestTestClient.ResponseSpec assign(Map<String, Object> body) {
        return client.post().uri("/api/grids/{g}/staff", grid).header(HttpHeaders.AUTHORIZATION, dispatcher)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
