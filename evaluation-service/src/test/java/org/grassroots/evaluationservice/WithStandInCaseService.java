package org.grassroots.evaluationservice;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.orgs.PartnerEvent;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The service against the shared broker and store, with a stand-in case-service (see {@link EvaluationIntegrationTest}). */
@EvaluationIntegrationTest
public abstract class WithStandInCaseService {

    protected static final StandInCaseService CASE_SERVICE = StandInCaseService.INSTANCE;
    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    protected int port;

    @Autowired
    protected KafkaTemplate<String, byte[]> kafka;

    protected RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    protected void publish(CaseEvent... events) {
        for (CaseEvent event : events) {
            send(CaseEventsFixture.record(event));
        }
    }

    /** Publishes org-service's partner events on {@code org-events}, as org-service would. */
    protected void publishPartner(PartnerEvent... events) {
        for (PartnerEvent event : events) {
            send(PartnerEventsFixture.record(event));
        }
    }

    protected void send(ProducerRecord<String, byte[]> record) {
        try {
            kafka.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + record.key(), e);
        }
    }

    protected static void eventually(Runnable assertion) {
        await().atMost(PATIENCE).untilAsserted(assertion::run);
    }
}
