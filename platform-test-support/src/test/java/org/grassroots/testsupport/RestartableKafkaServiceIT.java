package org.grassroots.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The outage-test recipe from the README: the service talks to a broker the test can take away. */
@ServiceIntegrationTest
@DirtiesContext // its producer points at a broker that is closed after this class
class RestartableKafkaServiceIT {

    static RestartableKafka kafka;

    @Autowired
    KafkaTemplate<String, String> kafkaTemplate;

    @Autowired
    Environment environment;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafka = RestartableKafka.start();
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void givenASendMadeWhileKafkaIsDown_whenKafkaRestarts_thenItIsDeliveredAndNothingIsLost() throws Exception {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(kafka.bootstrapServers());
        String caseId = "case-" + UUID.randomUUID();
        kafkaTemplate.send("case-events", caseId, "before").get(30, TimeUnit.SECONDS);

        kafka.stop();
        // send() itself may block while the producer has no metadata, as it would in an outbox
        // relay's thread, so it runs beside the test; the latch says it was issued during the outage.
        CountDownLatch issued = new CountDownLatch(1);
        CompletableFuture<SendResult<String, String>> sentDuringOutage = CompletableFuture
                .supplyAsync(() -> {
                    issued.countDown();
                    return kafkaTemplate.send("case-events", caseId, "during");
                })
                .thenCompose(sending -> sending);
        assertThat(issued.await(10, TimeUnit.SECONDS)).isTrue();
        kafka.restart();

        sentDuringOutage.get(60, TimeUnit.SECONDS);
        try (TopicProbe probe = TopicProbe.listen(kafka.bootstrapServers(), "case-events")) {
            assertThat(probe.awaitRecords(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(20)))
                    .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactly("before", "during");
        }
    }
}
