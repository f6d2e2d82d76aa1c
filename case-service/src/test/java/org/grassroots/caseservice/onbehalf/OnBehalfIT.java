package org.grassroots.caseservice.onbehalf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.grassroots.contracts.Topics;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** 代为登记 through the HTTP API: the case is filed, the resident's contact is sealed and never leaves in events. */
@ServiceIntegrationTest
class OnBehalfIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String PHONE = "13905170042";
    static final String NAME = "周桂兰";
    static final String WALK_IN = """
            {"categoryCode": "EXPOSED_RUBBISH", "channel": "WALK_IN",
             "description": "老人来社区反映：楼道堆放杂物多日无人清理",
             "point": {"lon": 119.0213, "lat": 33.6012}, "locationDescription": "城南小区5号楼",
             "caller": {"name": "%s", "phone": "%s"}}
            """.formatted(NAME, PHONE);

    static final String DISPATCHER = TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer();
    static final String GRID_WORKER = TestTokens.staff("grid-worker-1", "grid_worker", CHENGNAN).bearer();
    static final String OTHER_COMMUNITY = TestTokens
            .staff("dispatcher-9", "community_staff", "/qjp/qjp-pulou/qjp-pulou-chengbei").bearer();
    static final String RESIDENT = TestTokens.resident("resident-1", CHENGNAN).bearer();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void givenAWalkIn_whenStaffRecordIt_thenTheCaseIsFiledAndTheContactIsSealedAndNeverInItsEvents() {
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            String id = record(WALK_IN);

            client.get().uri("/api/cases/" + id).header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.channel").isEqualTo("WALK_IN")
                    .jsonPath("$.status").isEqualTo("REPORTED");
            client.get().uri("/api/cases/" + id + "/caller-contact").header(HttpHeaders.AUTHORIZATION, DISPATCHER)
                    .exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.name").isEqualTo(NAME)
                    .jsonPath("$.phone").isEqualTo(PHONE);

            Document stored = mongo.getCollection("caller_contacts").find(new Document("_id", id)).first();
            assertThat(stored).isNotNull();
            assertThat(stored.toJson()).doesNotContain(PHONE).doesNotContain(NAME).contains("k1:");
            Document theCase = mongo.getCollection("cases").find(new Document("_id", id)).first();
            assertThat(theCase.toJson()).doesNotContain(PHONE).doesNotContain(NAME);

            probe.awaitRecords(record -> id.equals(record.key()), 1, Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> events = probe.drain(Duration.ofSeconds(1)).stream()
                    .filter(record -> id.equals(record.key())).toList();
            assertThat(events).isNotEmpty().extracting(record -> new String(record.value()))
                    .allSatisfy(json -> assertThat(json).doesNotContain(PHONE).doesNotContain(NAME)
                            .contains("\"channel\":\"WALK_IN\""));
        }
    }

    @Test
    void givenARecordedCase_whenSomeoneElseAsksForTheContact_thenOnlyStaffOfTheAreaGetIt() {
        String id = record(WALK_IN);

        contact(id, OTHER_COMMUNITY).expectStatus().isNotFound();
        contact(id, GRID_WORKER).expectStatus().isForbidden();
        contact(id, RESIDENT).expectStatus().isForbidden();
    }

    @Test
    void givenAResidentOrAGridWorker_whenTheyTryToRecordOnSomeonesBehalf_thenTheyAreRefused() {
        post(RESIDENT, WALK_IN).expectStatus().isForbidden();
        post(GRID_WORKER, WALK_IN).expectStatus().isForbidden();
    }

    @Test
    void givenAMalformedRecord_whenSent_thenRefusedNamingTheFieldWithoutEchoingTheContact() {
        post(DISPATCHER, WALK_IN.replace("WALK_IN", "RESIDENT_APP")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("channel");
        post(DISPATCHER, WALK_IN.replace(PHONE, "call me maybe")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("caller.phone")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(String.valueOf(detail))
                        .doesNotContain("call me maybe"));
    }

    private String record(String body) {
        return post(DISPATCHER, body).expectStatus().isCreated().expectBody(IdView.class).returnResult()
                .getResponseBody().id();
    }

    private RestTestClient.ResponseSpec post(String bearer, String body) {
        return client.post().uri("/api/cases/on-behalf").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private RestTestClient.ResponseSpec contact(String id, String bearer) {
        return client.get().uri("/api/cases/" + id + "/caller-contact").header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange();
    }

    record IdView(String id) {
    }
}
