package org.grassroots.gridservice.ledgers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.grassroots.gridservice.TestArea;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A grid's business and unit ledgers and the staffing report, read a page at a time. */
@ServiceIntegrationTest
class LedgersIT {

    static final String ADMIN = TestArea.DISTRICT_ADMIN;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    RestTestClient client;
    TestArea area;
    String grid;
    String worker;

    @BeforeEach
    void setUp() {
        client = TestArea.client(port);
        area = TestArea.fresh(mongo);
        grid = area.drawGrid(client, 1, "台账测试网格", area.square(0, 0, 0.01));
        worker = area.staff("worker-" + grid, "grid_worker");
    }

    @Test
    void givenMoreEntriesThanAPage_whenReadPageByPage_thenEachOnceByNameWithTheTotalAndPhonesAsTheCallerMaySee() {
        for (String name : List.of("丙记小吃", "甲记五金", "乙记理发")) {
            client.post().uri("/api/grids/{g}/ledger/entries", grid).header(HttpHeaders.AUTHORIZATION, worker)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("kind", "BUSINESS", "name", name, "address", "1幢底商", "contactPhone", "13800001234"))
                    .exchange().expectStatus().isCreated().expectBody().jsonPath("$.contactPhone")
                    .isEqualTo("13800001234");
        }
        client.post().uri("/api/grids/{g}/ledger/entries", grid).header(HttpHeaders.AUTHORIZATION, worker)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("kind", "UNIT", "name", "城南小学", "address", "学府路1号")).exchange()
                .expectStatus().isCreated();

        List<Object> read = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            Map<?, ?> answer = client.get().uri("/api/grids/{g}/ledger/entries?kind=BUSINESS&size=2&page={p}", grid, page)
                    .header(HttpHeaders.AUTHORIZATION, worker).exchange().expectStatus().isOk().expectBody(Map.class)
                    .returnResult().getResponseBody();
            assertThat(answer.get("totalItems")).isEqualTo(3);
            ((List<?>) answer.get("items")).forEach(item -> read.add(((Map<?, ?>) item).get("name")));
        }
        assertThat(read).containsExactly("丙记小吃", "乙记理发", "甲记五金"); // by name, as the store orders strings
        client.get().uri("/api/grids/{g}/ledger/entries", grid).header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.totalItems").isEqualTo(4)
                .jsonPath("$.size").isEqualTo(20).jsonPath("$.items[0].contactPhone").isEqualTo("138****1234");
        client.get().uri("/api/grids/{g}/ledger/population", grid).header(HttpHeaders.AUTHORIZATION, worker).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.gridCode").isEqualTo(grid)
                .jsonPath("$.households").isEqualTo(0).jsonPath("$.unpairedHouseholds").isEqualTo(0);
    }

    @Test
    void givenABadPageSize_whenTheLedgerOrTheStaffingReportIsRead_then400NamingTheField() {
        client.get().uri("/api/grids/{g}/ledger/entries?size=0", grid).header(HttpHeaders.AUTHORIZATION, worker)
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("size");
        client.get().uri("/api/grids/reports/staffing?size=501").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        client.get().uri("/api/grids/reports/staffing?size=1").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.size").isEqualTo(1).jsonPath("$.items[0].communityId").exists()
                .jsonPath("$.items[0].meetsRule").exists();
    }
}
