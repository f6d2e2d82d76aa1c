package org.grassroots.caseservice.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.grassroots.caseservice.CaseServiceApplication;
import org.grassroots.caseservice.changes.web.ChangeStreams;
import org.grassroots.caseservice.targets.KnownTargets;
import org.grassroots.caseservice.targets.TargetDirectory;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/cases/changes} with two case-service instances on one store and the real broker:
 * a change made through one instance reaches the streams of both, each stream only what its caller
 * may see. The second instance is started here with the first one's store and broker.
 */
@ServiceIntegrationTest(properties = {"grassroots.case-changes.heartbeat=500ms",
        "grassroots.case-changes.max-streams=3"})
class CaseChangesIT {

    static ConfigurableApplicationContext secondInstance;

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    CaseChangeFeed feed;

    @Autowired
    ChangeStreams streams;

    @Autowired
    TargetDirectory targets;

    final JsonMapper json = JsonMapper.builder().build();
    String first;
    String second;
    String street;
    String streetToken;

    @BeforeEach
    void bothInstances() {
        if (secondInstance == null) {
            secondInstance = new SpringApplicationBuilder(CaseServiceApplication.class).run(
                    "--server.port=0",
                    "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                    "--spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                    "--spring.mongodb.database=" + environment.getProperty("spring.mongodb.database"),
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri="
                            + environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"),
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="
                            + environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"),
                    "--grassroots.case-changes.heartbeat=500ms");
        }
        first = "http://localhost:" + port;
        second = "http://localhost:" + secondInstance.getEnvironment().getProperty("local.server.port");
        CaseChangeFeed secondFeed = secondInstance.getBean(CaseChangeFeed.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> feed.isReady() && secondFeed.isReady());
        street = "/qjp/street-" + UUID.randomUUID().toString().substring(0, 8);
        streetToken = TestTokens.staff("street-staff", "street_staff", street).bearer();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void givenStreamsOnTwoInstances_whenACaseChanges_thenTheChangeReachesTheStreamsOfItsScopeAndNoOther() throws Exception {
        String chengnan = street + "/chengnan";
        String hebin = street + "/hebin";
        // Dispatching is checked against the departments case-service knows.
        KnownTargets.registerAndAwait(targets);
        String department = "dept-water";
        String resident = TestTokens.resident("resident-" + UUID.randomUUID(), chengnan).bearer();
        String otherResident = TestTokens.resident("resident-" + UUID.randomUUID(), hebin).bearer();
        String chengnanDispatcher = TestTokens.staff("dispatcher-chengnan", "community_staff", chengnan).bearer();
        String hebinDispatcher = TestTokens.staff("dispatcher-hebin", "community_staff", hebin).bearer();
        String departmentStaff = TestTokens.departmentStaff("dept-staff", department, "/qjp").bearer();
        String otherDepartmentStaff = TestTokens.departmentStaff("other-dept-staff", "dept-market", "/qjp").bearer();

        try (EventStreamReader chengnanOnSecond = open(second, chengnanDispatcher);
                EventStreamReader hebinOnFirst = open(first, hebinDispatcher);
                EventStreamReader departmentOnSecond = open(second, departmentStaff);
                EventStreamReader otherDepartmentOnSecond = open(second, otherDepartmentStaff);
                EventStreamReader reporterOnFirst = open(first, resident)) {
            assertThat(chengnanOnSecond.status()).isEqualTo(200);
            assertThat(chengnanOnSecond.header("Content-Type")).startsWith("text/event-stream");
            assertThat(chengnanOnSecond.header("X-Accel-Buffering")).isEqualTo("no");

            String inChengnan = report(first, resident);
            String inHebin = report(second, otherResident);

            JsonNode reported = awaitChange(chengnanOnSecond, inChengnan, "org.grassroots.case.reported");
            assertThat(reported.get("number").asString()).startsWith("GR-");
            assertThat(reported.get("status").asString()).isEqualTo("REPORTED");
            assertThat(reported.get("orgPath").asString()).isEqualTo(chengnan);
            assertThat(reported.get("version").asLong()).isEqualTo(1);
            assertThat(reported.get("occurredAt").asString()).endsWith("Z");
            awaitChange(hebinOnFirst, inHebin, "org.grassroots.case.reported");
            awaitChange(reporterOnFirst, inChengnan, "org.grassroots.case.reported");

            command(second, inChengnan, "accept", chengnanDispatcher, "{}");
            command(first, inChengnan, "dispatch", chengnanDispatcher, """
                    {"assignee": {"kind": "DEPARTMENT", "id": "%s", "displayName": "测试局"}}""".formatted(department));
            JsonNode dispatched = awaitChange(departmentOnSecond, inChengnan, "org.grassroots.case.dispatched");
            assertThat(dispatched.get("status").asString()).isEqualTo("DISPATCHED");
            assertThat(dispatched.get("version").asLong()).isEqualTo(3);
            awaitChange(reporterOnFirst, inChengnan, "org.grassroots.case.dispatched");
            awaitChange(chengnanOnSecond, inChengnan, "org.grassroots.case.dispatched");

            // What lies outside a caller's scope never arrives, on either instance.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    caseIds(chengnanOnSecond).noneMatch(inHebin::equals)
                            && caseIds(hebinOnFirst).noneMatch(inChengnan::equals)
                            && caseIds(departmentOnSecond).noneMatch(inHebin::equals)
                            && otherDepartmentOnSecond.events().isEmpty()
                            && caseIds(reporterOnFirst).noneMatch(inHebin::equals));
            assertThat(caseIds(departmentOnSecond).toList()).containsOnly(inChengnan);
            assertThat(chengnanOnSecond.events()).allSatisfy(event -> {
                assertThat(event.name()).isEqualTo("case-changed");
                assertThat(event.id()).isNotBlank();
            });
            assertThat(hebinOnFirst.comments()).contains("connected", "heartbeat");
        }
    }

    @Test
    void givenAnInstanceServingItsNumberOfStreams_whenOneMoreOpens_thenItIsTurnedAwayToldWhenToComeBack() throws Exception {
        String staff = TestTokens.staff("street-staff", "street_staff", street).bearer();
        // Streams a client closed are forgotten at the next heartbeat that cannot be written.
        await().atMost(Duration.ofSeconds(15)).until(() -> streams.openStreams() == 0);
        try (EventStreamReader one = open(first, staff);
                EventStreamReader two = open(first, staff);
                EventStreamReader three = open(first, staff);
                EventStreamReader four = EventStreamReader.open(first + "/api/cases/changes", staff)) {
            assertThat(List.of(one.status(), two.status(), three.status())).containsOnly(200);
            assertThat(four.status()).isEqualTo(503);
            assertThat(four.header("Retry-After")).isEqualTo("15");
            assertThat(four.header("Content-Type")).startsWith("application/problem+json");
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            try (EventStreamReader again = EventStreamReader.open(first + "/api/cases/changes", staff)) {
                assertThat(again.status()).isEqualTo(200);
            }
        });
        RestTestClient.bindToServer().baseUrl(first).build().get().uri("/api/cases/changes").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void givenNoStreamOpen_whenCasesChange_thenTheFeedFetchesNothingAndAStreamOpenedLaterGetsWhatHappensAfterIt()
            throws Exception {
        String community = street + "/chengnan";
        String resident = TestTokens.resident("resident-" + UUID.randomUUID(), community).bearer();
        String dispatcher = TestTokens.staff("dispatcher-chengnan", "community_staff", community).bearer();
        await().atMost(Duration.ofSeconds(15)).until(() -> streams.openStreams() == 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> !feed.isFetching());

        String beforeTheStream;
        try (EventStreamReader onTheOtherInstance = open(second, dispatcher)) {
            beforeTheStream = report(first, resident);
            // Its event is on the broker once the other instance's stream has it; then wait longer than
            // the margin the feed goes back when it starts again.
            awaitChange(onTheOtherInstance, beforeTheStream, "org.grassroots.case.reported");
            Instant onTheBroker = Instant.now();
            await().atMost(CaseChangeFeed.RESUME_MARGIN.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Instant.now().isAfter(onTheBroker.plus(CaseChangeFeed.RESUME_MARGIN).plusSeconds(1)));
        }
        assertThat(feed.isFetching()).isFalse();

        try (EventStreamReader stream = open(first, dispatcher)) {
            String afterTheStream = report(first, resident);
            awaitChange(stream, afterTheStream, "org.grassroots.case.reported");
            assertThat(feed.isFetching()).isTrue();
            assertThat(caseIds(stream).toList()).doesNotContain(beforeTheStream);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> streams.openStreams() == 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> !feed.isFetching());
    }

    private EventStreamReader open(String instance, String bearer) throws Exception {
        EventStreamReader reader = EventStreamReader.open(instance + "/api/cases/changes", bearer);
        await().atMost(Duration.ofSeconds(10)).until(() -> reader.comments().contains("connected"));
        return reader;
    }

    private JsonNode awaitChange(EventStreamReader reader, String caseId, String type) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> reader.events().stream()
                .map(event -> json.readTree(event.data()))
                .filter(data -> caseId.equals(data.get("caseId").asString()) && type.equals(data.get("type").asString()))
                .findFirst().orElse(null), found -> found != null);
    }

    private java.util.stream.Stream<String> caseIds(EventStreamReader reader) {
        return reader.events().stream().map(event -> json.readTree(event.data()).get("caseId").asString());
    }

    private static String report(String instance, String resident) {
        return RestTestClient.bindToServer().baseUrl(instance).build().post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, resident).contentType(MediaType.APPLICATION_JSON).body("""
                        {"categoryCode": "EXPOSED_RUBBISH", "description": "垃圾堆放", "point": {"lon": 119.0213, "lat": 33.6012}}
                        """).exchange().expectStatus().isCreated().expectBody(Created.class).returnResult()
                .getResponseBody().id();
    }

    private static void command(String instance, String id, String command, String bearer, String body) {
        RestTestClient.bindToServer().baseUrl(instance).build().post().uri("/api/cases/" + id + "/" + command)
                .header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isOk();
    }

    record Created(String id) {
    }
}
