package org.grassroots.evaluationservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.orgs.PartnerEvent;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
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

    /**
     * Every item of a paged list, read page after page of {@code size} until its {@code totalItems}, as the
     * web's {@code allPages} reads it; every page must tell the same total.
     */
    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> readAllPages(String uri, String bearer, int size) {
        List<Map<String, Object>> all = new ArrayList<>();
        Number total = null;
        for (int page = 0; total == null || all.size() < total.longValue(); page++) {
            Map<String, Object> answer = client.get().uri(uri + (uri.contains("?") ? "&" : "?") + "page=" + page
                    + "&size=" + size).header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
            assertThat(answer).containsEntry("page", page).containsEntry("size", size);
            if (total != null) {
                assertThat(answer.get("totalItems")).as("the total page %d tells", page).isEqualTo(total);
            }
            total = (Number) answer.get("totalItems");
            List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
            if (items.isEmpty()) {
                break;
            }
            all.addAll(items);
        }
        return all;
    }

    protected static void eventually(Runnable assertion) {
        await().atMost(PATIENCE).untilAsserted(assertion::run);
    }
}
