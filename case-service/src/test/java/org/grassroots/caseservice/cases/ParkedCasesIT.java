package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.CaseTakenUp;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
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

/** Parked cases (挂账): listed for review in their area, and taken up again (销账恢复) with fresh time limits. */
@ServiceIntegrationTest
class ParkedCasesIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String RESIDENT = TestTokens.resident("resident-1", CHENGNAN).bearer();
    static final String DISPATCHER = TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer();
    static final String OTHER_COMMUNITY = TestTokens
            .staff("dispatcher-9", "community_staff", "/qjp/qjp-pulou/qjp-pulou-chengbei").bearer();

    @LocalServerPort
    int port;

    @Autowired
    EventCodec codec;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CaseListFieldsBackfill backfill;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void givenAParkedCase_whenStaffReviewTheListAndTakeItUp_thenItIsAcceptedAgainWithAFreshRespondLimit() {
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            String id = parkedCase();

            client.get().uri("/api/cases/parked?size=500").header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.items[?(@.aCase.id == '" + id + "')].reason").isEqualTo(List.of("需纳入老旧小区改造计划"))
                    .jsonPath("$.items[?(@.aCase.id == '" + id + "')].daysParked").isEqualTo(List.of(0))
                    .jsonPath("$.items[?(@.aCase.id == '" + id + "')].reviewDue").isEqualTo(List.of(false));
            client.get().uri("/api/cases/parked?size=500").header(HttpHeaders.AUTHORIZATION, OTHER_COMMUNITY).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.items[?(@.aCase.id == '" + id + "')]").doesNotExist();

            post(id, "take-up", RESIDENT, "{\"reason\": \"我想恢复\"}").expectStatus().isForbidden();
            post(id, "take-up", DISPATCHER, "{}").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
            post(id, "take-up", DISPATCHER, "{\"version\": 3, \"reason\": \"旧改计划已批复\"}").expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(CaseStatus.ACCEPTED.name())
                    .jsonPath("$.deadlines.respondBy").exists();
            post(id, "take-up", DISPATCHER, "{\"reason\": \"again\"}").expectStatus().isEqualTo(409);
            client.get().uri("/api/cases/parked?size=500").header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.items[?(@.aCase.id == '" + id + "')]").doesNotExist();

            probe.awaitRecords(record -> id.equals(record.key()), 4, Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> events = probe.drain(Duration.ofSeconds(1)).stream()
                    .filter(record -> id.equals(record.key())).toList();
            assertThat(events).extracting(record -> TopicProbe.header(record, CloudEventHeaders.TYPE)).containsExactly(
                    "org.grassroots.case.reported", "org.grassroots.case.accepted", "org.grassroots.case.parked",
                    "org.grassroots.case.taken-up");
            CaseTakenUp takenUp = codec.read(events.get(3).value(), CaseTakenUp.class);
            assertThat(takenUp.aggregateVersion()).isEqualTo(4);
            assertThat(takenUp.facts().status()).isEqualTo(CaseStatus.ACCEPTED);
            assertThat(takenUp.facts().deadlines().respondBy()).isNotNull();
        }
    }

    @Test
    void givenMoreParkedCasesThanOnePageHolds_whenReadPageByPage_thenEachComesOnceLongestParkedFirst() {
        Area area = Area.ofItsOwn();
        List<String> parked = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            parked.add(parkedCase(area.resident(), area.dispatcher()));
        }

        List<ParkedView> read = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            ParkedPage answer = parkedPage(area.dispatcher(), "page=" + page + "&size=3");
            assertThat(answer.totalItems()).isEqualTo(7);
            assertThat(answer.items()).hasSize(page < 2 ? 3 : 1);
            read.addAll(answer.items());
        }

        assertThat(read).extracting(each -> each.aCase().id()).containsExactlyInAnyOrderElementsOf(parked)
                .doesNotHaveDuplicates();
        assertThat(read).isSortedAccordingTo(Comparator.comparing(ParkedView::parkedAt)
                .thenComparing(each -> each.aCase().id()));
        assertThat(parkedPage(area.dispatcher(), "page=3&size=3").items()).isEmpty();
        assertThat(parkedPage(area.dispatcher(), "").size()).isEqualTo(20);
        assertThat(parkedPage(area.neighbour(), "size=500").items()).extracting(each -> each.aCase().id())
                .doesNotContainAnyElementsOf(parked);
    }

    @Test
    void givenAPageOrSizeOutOfBounds_whenTheParkedListIsAskedFor_thenA400NamesTheField() {
        for (String[] wrong : new String[][] { {"size=501", "size"}, {"size=0", "size"}, {"page=-1", "page"},
                {"size=many", "size"} }) {
            client.get().uri("/api/cases/parked?" + wrong[0]).header(HttpHeaders.AUTHORIZATION, DISPATCHER)
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                    .isEqualTo(wrong[1]);
        }
    }

    @Test
    void givenACaseParkedBeforeTheStoreKeptWhenItWasParked_whenTheServiceStarts_thenItIsBackOnTheReviewList() {
        Area area = Area.ofItsOwn();
        String id = parkedCase(area.resident(), area.dispatcher());
        Instant parkedAt = parkedPage(area.dispatcher(), "").items().get(0).parkedAt();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset("parkedAt"), "cases");
        assertThat(parkedPage(area.dispatcher(), "").totalItems()).isZero();

        backfill.fillOnce();

        assertThat(parkedPage(area.dispatcher(), "").items()).singleElement()
                .satisfies(each -> assertThat(each.aCase().id()).isEqualTo(id))
                .satisfies(each -> assertThat(each.parkedAt()).isEqualTo(parkedAt));
    }

    private ParkedPage parkedPage(String bearer, String query) {
        return client.get().uri("/api/cases/parked?" + query).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk().expectBody(ParkedPage.class).returnResult().getResponseBody();
    }

    /** A community of the test's own, so that no other test's parked cases show on its list. */
    record Area(String resident, String dispatcher, String neighbour) {

        static Area ofItsOwn() {
            String name = UUID.randomUUID().toString().substring(0, 8);
            String community = "/qjp/street-" + name + "/community-" + name;
            return new Area(TestTokens.resident("resident-" + name, community).bearer(),
                    TestTokens.staff("dispatcher-" + name, "community_staff", community).bearer(),
                    TestTokens.staff("neighbour-" + name, "community_staff", community + "-next").bearer());
        }
    }

    private String parkedCase() {
        return parkedCase(RESIDENT, DISPATCHER);
    }

    private String parkedCase(String resident, String dispatcher) {
        String id = client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, resident)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"categoryCode": "EXPOSED_RUBBISH",
                         "description": "城南小区北侧空地长期堆放建筑垃圾",
                         "point": {"lon": 119.0213, "lat": 33.6012}}
                        """).exchange().expectStatus().isCreated().expectBody(IdView.class).returnResult()
                .getResponseBody().id();
        post(id, "accept", dispatcher, "{}").expectStatus().isOk();
        post(id, "park", dispatcher, "{\"reason\": \"需纳入老旧小区改造计划\"}").expectStatus().isOk();
        return id;
    }

    private RestTestClient.ResponseSpec post(String id, String command, String bearer, String body) {
        return client.post().uri("/api/cases/" + id + "/" + command).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    record IdView(String id) {
    }

    record ParkedView(IdView aCase, Instant parkedAt, String reason) {
    }

    record ParkedPage(List<ParkedView> items, int page, int size, long totalItems) {
    }
}
