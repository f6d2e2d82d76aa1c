package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import org.grassroots.caseservice.targets.KnownTargets;
import org.grassroots.caseservice.targets.TargetDirectory;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The duplicate search through the HTTP API as cases open and close: which earlier report a new one
 * is linked to. Each test reports at places of its own (0.01° apart), far from the other suites'.
 */
@ServiceIntegrationTest
class DuplicateSearchIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String RESIDENT = TestTokens.resident("resident-7", CHENGNAN).bearer();
    static final String DISPATCHER = TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer();
    static final String GRID_WORKER = TestTokens.staff("grid-worker-1", "grid_worker", CHENGNAN).bearer();
    static final String HOUSING = TestTokens.departmentStaff("housing-1", "dept-housing", "/qjp").bearer();
    /** About 10 m and 30 m east of a point at 33.6° N. */
    static final double TEN_METRES = 0.000108;
    static final double THIRTY_METRES = 0.000324;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OpenCasesNearby nearby;

    RestTestClient client;

    @Autowired
    TargetDirectory targets;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        // Dispatch, whistle and report-in are checked against the departments and people case-service knows.
        KnownTargets.registerAndAwait(targets);
    }

    @Test
    void givenAReportAtOnePlace_whenMoreAreReportedThere_thenEachIsLinkedToTheFirst() {
        GeoPoint place = new GeoPoint(119.081, 33.631);

        Reported first = report(place);
        Reported second = report(east(place, TEN_METRES));
        Reported third = report(east(place, 2 * TEN_METRES));

        assertThat(first.possibleDuplicateOf()).isNull();
        assertThat(second.possibleDuplicateOf()).isEqualTo(first.id());
        assertThat(third.possibleDuplicateOf()).isEqualTo(first.id());
    }

    @Test
    void givenACancelledCase_whenTheNextReportComes_thenTheCancelledIsNoLongerOfferedAndTheNextTakesItsPlace() {
        GeoPoint place = new GeoPoint(119.091, 33.631);
        Reported cancelled = report(place);
        command(cancelled.id(), "cancel", DISPATCHER, "{\"reason\": \"无效上报\"}");

        Reported next = report(place);
        Reported after = report(east(place, TEN_METRES));

        assertThat(next.possibleDuplicateOf()).isNull();
        assertThat(after.possibleDuplicateOf()).isEqualTo(next.id());
    }

    @Test
    void givenAClosedCase_whenReportedNearby_thenItIsNotOfferedUntilItIsReopened() {
        GeoPoint place = new GeoPoint(119.101, 33.631);
        Reported closed = report(place);
        command(closed.id(), "accept", DISPATCHER, "{}");
        command(closed.id(), "dispatch", DISPATCHER,
                "{\"assignee\": {\"kind\": \"DEPARTMENT\", \"id\": \"dept-housing\", \"displayName\": \"区住建局\"}}");
        command(closed.id(), "claim", HOUSING, "{}");
        command(closed.id(), "resolve", HOUSING, "{\"note\": \"已清运\"}");
        assertThat(command(closed.id(), "verify", GRID_WORKER, "{\"passed\": true, \"note\": \"已清理\"}"))
                .isEqualTo(CaseStatus.CLOSED);

        Reported whileClosed = report(east(place, THIRTY_METRES));
        assertThat(whileClosed.possibleDuplicateOf()).isNull();

        assertThat(command(closed.id(), "reopen", DISPATCHER, "{\"reason\": \"复核未解决\"}"))
                .isEqualTo(CaseStatus.REOPENED);
        Reported afterReopening = report(place);
        assertThat(afterReopening.possibleDuplicateOf()).isEqualTo(closed.id());
    }

    @Test
    void givenACaseLeftOnTheListAfterItClosed_whenTheNextReportComes_thenItIsFoundStaleAndTakenOff() {
        GeoPoint place = new GeoPoint(119.111, 33.631);
        Reported cancelled = report(place);
        command(cancelled.id(), "cancel", DISPATCHER, "{\"reason\": \"无效上报\"}");
        // As if the service had stopped between storing the cancellation and updating the list.
        String cell = OpenCasesNearby.cellOf("EXPOSED_RUBBISH", place);
        mongo.upsert(Query.query(Criteria.where("_id").is(cell)), new Update().addToSet("cases",
                new OpenCasesNearby.Entry(cancelled.id(), place.lon(), place.lat(), "qjp-pulou-chengnan")),
                OpenCasesNearby.COLLECTION);

        Reported next = report(place);

        assertThat(next.possibleDuplicateOf()).isNull();
        assertThat(entriesIn(cell)).doesNotContain(cancelled.id()).contains(next.id());
    }

    @Test
    void givenCasesReportedBeforeTheListExisted_whenTheServiceStarts_thenTheyAreListed() {
        GeoPoint place = new GeoPoint(119.121, 33.631);
        Reported earlier = report(place);
        mongo.dropCollection(OpenCasesNearby.COLLECTION);

        nearby.listOpenCasesOnce();
        Reported later = report(east(place, TEN_METRES));

        assertThat(later.possibleDuplicateOf()).isEqualTo(earlier.id());
        assertThat(entriesIn(OpenCasesNearby.cellOf("EXPOSED_RUBBISH", place))).contains(earlier.id());
    }

    @Test
    void givenMoreReportsLinkedToACaseThanOnePageHolds_whenReadPageByPage_thenEachComesOnceOldestFirst() {
        GeoPoint place = new GeoPoint(119.131, 33.631);
        Reported first = report(place);
        Reported second = report(east(place, TEN_METRES));
        // A water cut: 120 more reports of the one thing, stored as the second was (copies of its
        // document, two at each instant so that the id orders those), beyond the 100 the list once stopped at.
        Document stored = mongo.getCollection("cases").find(new Document("_id", second.id())).first();
        Instant secondAt = stored.getDate("reportedAt").toInstant();
        List<Document> copies = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Document copy = new Document(stored);
            copy.remove("outbox");
            copy.remove("outboxLease");
            copy.put("_id", second.id() + "-" + i);
            copy.put("number", "DUP-" + second.id() + "-" + i);
            copy.put("reportedAt", Date.from(secondAt.plusSeconds(1 + i / 2)));
            copies.add(copy);
        }
        mongo.getCollection("cases").insertMany(copies);
        List<String> expected = new ArrayList<>(List.of(second.id()));
        copies.stream().sorted(Comparator.comparing((Document copy) -> copy.getDate("reportedAt"))
                .thenComparing(copy -> copy.getString("_id"))).forEach(copy -> expected.add(copy.getString("_id")));

        List<String> read = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            LinkedPage answer = duplicates(first.id(), "page=" + page + "&size=50");
            assertThat(answer.totalItems()).isEqualTo(121);
            assertThat(answer.items()).hasSize(page < 2 ? 50 : 21);
            answer.items().forEach(each -> read.add(each.id()));
        }

        assertThat(read).containsExactlyElementsOf(expected);
        assertThat(duplicates(first.id(), "page=3&size=50").items()).isEmpty();
        assertThat(duplicates(first.id(), "").size()).isEqualTo(20);
        assertThat(duplicates(second.id(), "").items()).extracting(Reported::id).containsExactly(first.id());
    }

    @Test
    void givenAPageOrSizeOutOfBounds_whenTheDuplicatesAreAskedFor_thenA400NamesTheField() {
        Reported aCase = report(new GeoPoint(119.141, 33.631));

        for (String[] wrong : new String[][] { {"size=501", "size"}, {"size=0", "size"}, {"page=-1", "page"},
                {"page=first", "page"} }) {
            client.get().uri("/api/cases/" + aCase.id() + "/duplicates?" + wrong[0])
                    .header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo(wrong[1]);
        }
    }

    private LinkedPage duplicates(String id, String query) {
        return client.get().uri("/api/cases/" + id + "/duplicates?" + query).header(HttpHeaders.AUTHORIZATION, DISPATCHER)
                .exchange().expectStatus().isOk().expectBody(LinkedPage.class).returnResult().getResponseBody();
    }

    private List<String> entriesIn(String cell) {
        Document found = mongo.getCollection(OpenCasesNearby.COLLECTION).find(new Document("_id", cell)).first();
        return found == null ? List.of()
                : found.getList("cases", Document.class).stream().map(OpenCasesNearby.Entry::of)
                        .map(OpenCasesNearby.Entry::caseId).toList();
    }

    private static GeoPoint east(GeoPoint point, double degrees) {
        return new GeoPoint(point.lon() + degrees, point.lat());
    }

    private Reported report(GeoPoint point) {
        String body = """
                {"categoryCode": "EXPOSED_RUBBISH", "description": "路边垃圾堆放无人清运",
                 "point": {"lon": %s, "lat": %s}, "locationDescription": "城南小区外"}
                """.formatted(point.lon(), point.lat());
        return client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated().expectBody(Reported.class).returnResult().getResponseBody();
    }

    private CaseStatus command(String id, String command, String bearer, String body) {
        return client.post().uri("/api/cases/" + id + "/" + command).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isOk().expectBody(Reported.class).returnResult().getResponseBody().status();
    }

    record Reported(String id, CaseStatus status, String possibleDuplicateOf) {
    }

    record LinkedPage(List<Reported> items, int page, int size, long totalItems) {
    }
}
