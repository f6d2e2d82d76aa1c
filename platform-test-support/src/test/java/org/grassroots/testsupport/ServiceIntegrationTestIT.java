package org.grassroots.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest(properties = "spring.application.name=sample-service")
class ServiceIntegrationTestIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    KafkaTemplate<String, String> kafkaTemplate;

    @Autowired
    MongoTemplate mongoTemplate;

    @Test
    void givenDeclaredProperties_thenTheyReachTheContext() {
        assertThat(environment.getProperty("spring.application.name")).isEqualTo("sample-service");
    }

    @Test
    void givenATestToken_whenARequestIsMade_thenTheServiceAuthenticatesIt() throws Exception {
        HttpResponse<String> response = get(TestTokens.resident("resident-1", "/d1/s2/c3").bearer());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"subject\":\"resident-1\"").contains("/d1/s2/c3");
    }

    @Test
    void givenAnExpiredForgedOrMissingToken_whenARequestIsMade_thenItIsRefused() throws Exception {
        assertThat(get(TestTokens.resident("resident-1", "/d1").expired().bearer()).statusCode()).isEqualTo(401);
        assertThat(get(TestTokens.resident("resident-1", "/d1").signedByStrangerKey().bearer()).statusCode()).isEqualTo(401);
        assertThat(get(null).statusCode()).isEqualTo(401);
    }

    @Test
    void givenTheService_whenItPublishes_thenTheRecordReachesTheSharedBroker() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), "case-events")) {
            kafkaTemplate.send("case-events", caseId, "{}").get();

            assertThat(probe.awaitRecords(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(20))).hasSize(1);
        }
    }

    @Test
    void givenTheService_whenItWrites_thenItWritesToItsOwnDatabaseOnTheSharedStore() {
        mongoTemplate.insert(new Document("_id", "case-1"), "cases");

        assertThat(mongoTemplate.getDb().getName()).isEqualTo(environment.getProperty("spring.mongodb.database"));
        assertThat(mongoTemplate.getCollection("cases").countDocuments()).isEqualTo(1);
    }

    private HttpResponse<String> get(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/whoami"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
