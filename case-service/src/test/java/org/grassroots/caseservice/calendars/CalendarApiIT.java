package org.grassroots.caseservice.calendars;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Holiday calendars through the HTTP API: 2026 seeded, 2027 entered by a district administrator, refusals naming the field. */
@ServiceIntegrationTest
class CalendarApiIT {

    static final String DISTRICT_ADMIN = TestTokens.staff("admin-1", "district_admin", "/qjp").bearer();
    static final String DISPATCHER = TestTokens.staff("dispatcher-1", "community_staff", "/qjp/qjp-pulou/qjp-pulou-chengnan").bearer();
    static final String YEAR_2027 = """
            {"holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"},
                          {"name": "国庆节", "from": "2027-10-01", "to": "2027-10-07"}],
             "makeUpWorkdays": ["2027-09-26", "2027-10-09"]}
            """;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    HolidayCalendars calendars;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        forget2027();
    }

    @AfterEach
    void forget2027() {
        mongo.remove(Query.query(Criteria.where("_id").is(2027)), HolidayCalendarDocument.class);
        calendars.reload();
    }

    @Test
    void givenTheServiceStarted_whenAskedFor2026_thenTheNoticeTheCodeKnowsIsThereAsData() {
        client.get().uri("/api/calendars/2026").header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.holidays.length()").isEqualTo(7)
                .jsonPath("$.holidays[1].name").isEqualTo("春节")
                .jsonPath("$.daysOff").isEqualTo(33)
                .jsonPath("$.makeUpWorkdays[0]").isEqualTo("2026-01-04");
    }

    @Test
    void given2027NotEntered_whenAskedFor_thenTheApiSaysItIsNotConfiguredAndDeadlinesCountWeekendsOnly() {
        client.get().uri("/api/calendars/2027").header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                .expectStatus().isNotFound().expectBody()
                .jsonPath("$.detail").value(String.class, detail -> org.assertj.core.api.Assertions.assertThat(detail)
                        .contains("not configured").contains("weekends only"));
    }

    @Test
    void givenADistrictAdministrator_whenTheyEnter2027_thenItIsStoredAndListed() {
        put(DISTRICT_ADMIN, YEAR_2027).expectStatus().isOk().expectBody()
                .jsonPath("$.daysOff").isEqualTo(10)
                .jsonPath("$.makeUpWorkdays[1]").isEqualTo("2027-10-09");

        client.get().uri("/api/calendars").header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.year == 2027)].holidays.length()").isEqualTo(2);
        client.delete().uri("/api/calendars/2027").header(HttpHeaders.AUTHORIZATION, DISTRICT_ADMIN).exchange()
                .expectStatus().isNoContent();
        client.get().uri("/api/calendars/2027").header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void givenCommunityStaff_whenTheyEnterAYear_thenTheyAreRefused() {
        put(DISPATCHER, YEAR_2027).expectStatus().isForbidden();
    }

    @Test
    void givenOverlappingOrMalformedEntries_whenEntered_thenRefusedNamingTheField() {
        put(DISTRICT_ADMIN, """
                {"holidays": [{"name": "国庆节", "from": "2027-10-01", "to": "2027-10-07"},
                              {"name": "中秋节", "from": "2027-10-06", "to": "2027-10-08"}]}
                """).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("holidays[1]");
        put(DISTRICT_ADMIN, """
                {"holidays": [{"name": "国庆节", "from": "2027-10-01", "to": "2027-13-07"}]}
                """).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("holidays[0].to");
        put(DISTRICT_ADMIN, """
                {"holidays": [{"name": "国庆节", "from": "2027-10-01", "to": "2027-10-07"}], "makeUpWorkdays": ["2027-09-29"]}
                """).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("makeUpWorkdays[0]");
        client.get().uri("/api/calendars/2027").header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void givenRunningCasesWithThresholdsIn2027AndBefore_when2027IsEntered_thenOnlyThoseIn2027AreCheckedAgainSoon() {
        String tag = UUID.randomUUID().toString();
        Instant in2027 = Instant.parse("2027-10-08T01:00:00Z");
        Instant in2026 = Instant.parse("2026-12-30T01:00:00Z");
        mongo.getCollection("cases").insertMany(List.of(
                new Document("_id", tag + "-2027").append("number", tag + "-2027")
                        .append("slaCheckAt", Date.from(in2027)),
                new Document("_id", tag + "-2026").append("number", tag + "-2026")
                        .append("slaCheckAt", Date.from(in2026))));
        try {
            Instant before = Instant.now();

            put(DISTRICT_ADMIN, YEAR_2027).expectStatus().isOk();

            Instant recheck = slaCheckAt(tag + "-2027");
            assertThat(recheck)
                    .isAfter(before).isBefore(before.plus(Duration.ofMinutes(5)));
            assertThat(slaCheckAt(tag + "-2026")).isEqualTo(in2026);
        } finally {
            mongo.getCollection("cases").deleteMany(new Document("_id",
                    new Document("$in", List.of(tag + "-2027", tag + "-2026"))));
        }
    }

    private Instant slaCheckAt(String id) {
        return mongo.getCollection("cases").find(new Document("_id", id)).first()
                .getDate("slaCheckAt").toInstant();
    }

    private RestTestClient.ResponseSpec put(String bearer, String body) {
        return client.put().uri("/api/calendars/2027").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
