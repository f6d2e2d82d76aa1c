package org.grassroots.caseservice.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.grassroots.caseservice.cases.IntakeRehearsal;
import org.grassroots.contracts.Topics;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

/**
 * case-service rehearses intake before it says it is ready, and keeps nothing of it: no case, no
 * case number, no entry in the duplicate search's list, no event, no collection of its own.
 */
@ServiceIntegrationTest(properties = "grassroots.intake-warm-up.reports=300")
class IntakeWarmUpIT {

    static final String FUQIAN = "/qjp/qjp-wangying/qjp-wangying-fuqian";

    @LocalServerPort
    int port;

    @Autowired
    IntakeWarmUp warmUp;

    @Autowired
    MongoTemplate mongo;

    @Test
    void givenAStartedService_whenItIsReady_thenIntakeWasRehearsedAndNothingOfItIsKept() {
        RestTestClient client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        Awaitility.await("the warm-up done").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> warmUp.health().getStatus() == Status.UP);
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        assertThat(warmUp.rehearsed()).isEqualTo(300);
        assertThat(warmUp.doorAnswers()).containsEntry("401", 300L);

        assertThat(mongo.getCollectionNames()).noneMatch(name -> name.startsWith("intake_warm_up"));
        assertThat(mongo.getCollection("cases").countDocuments()).isZero();
        assertThat(mongo.collectionExists("case_numbers")
                ? mongo.getCollection("case_numbers").countDocuments() : 0).isZero();
        assertThat(mongo.getCollection("case_cells").countDocuments(new Document("cases.caseId",
                new Document("$regex", "^warm-up-")))).isZero();

        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            String created = client.post().uri("/api/cases")
                    .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", FUQIAN).bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"categoryCode": "EXPOSED_RUBBISH", "description": "健康东路垃圾桶旁堆放生活垃圾",
                             "point": {"lon": 119.0213, "lat": 33.6012}}
                            """)
                    .exchange()
                    .expectStatus().isCreated()
                    .expectBody(String.class).returnResult().getResponseBody();
            // The first real report takes the first number of the day: the warm-up took none.
            assertThat(created).containsPattern("\"number\":\"GR-\\d{8}-000001\"");

            List<ConsumerRecord<String, byte[]>> events = probe.drain(Duration.ofSeconds(3));
            assertThat(events).isNotEmpty();
            assertThat(events).noneMatch(event -> event.key().startsWith("warm-up-")
                    || new String(event.value()).contains("预热"));
        }
    }

    @Test
    void givenCollectionsLeftByWarmUpsThatDied_whenARehearsalPrepares_thenOnlyThoseOlderThanAnHourAreDropped(
            @Autowired IntakeRehearsal rehearsal, @Autowired Clock clock) {
        long now = clock.instant().getEpochSecond();
        String died = "intake_warm_up_" + (now - 7_200) + "_deadbeef";
        String stillWarming = "intake_warm_up_" + (now - 30) + "_cafebabe";
        mongo.getCollection(died).insertOne(new Document("_id", "warm-up-1"));
        mongo.getCollection(stillWarming).insertOne(new Document("_id", "warm-up-2"));
        try {
            assertThat(rehearsal.prepare()).isPresent();

            assertThat(mongo.getCollectionNames()).doesNotContain(died).contains(stillWarming);
        } finally {
            rehearsal.cleanUp();
            mongo.getCollection(died).drop();
            mongo.getCollection(stillWarming).drop();
        }
    }

    @Test
    void givenAWarmUpNotYetDone_thenTheServiceIsOutOfService(@Autowired IntakeRehearsal rehearsal,
            @Autowired JsonMapper json, @Autowired Validator validator, @Autowired Environment environment) {
        IntakeWarmUp notStarted = new IntakeWarmUp(new IntakeWarmUpProperties(5, 1, Duration.ofSeconds(5)),
                rehearsal, json, validator, environment);

        assertThat(notStarted.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(notStarted.health().getDetails()).containsEntry("intakeWarmUp", "0 of 5 reports rehearsed");
    }
}
