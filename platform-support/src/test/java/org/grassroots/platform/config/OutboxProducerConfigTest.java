package org.grassroots.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.grassroots.platform.outbox.OutboxProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

class OutboxProducerConfigTest {

    @Test
    void givenNoLinger_thenTheRelaysProducerHoldsASendFor20MillisecondsForOthersToJoinIt() {
        Map<String, Object> config = PlatformAutoConfiguration.outboxProducerConfig(new KafkaProperties(),
                "case-service", outbox(null));

        assertThat(config).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20)
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "case-service-outbox")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    }

    @Test
    void givenALinger_thenTheRelaysProducerUsesIt() {
        Map<String, Object> config = PlatformAutoConfiguration.outboxProducerConfig(new KafkaProperties(),
                "case-service", outbox(Duration.ZERO));

        assertThat(config).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0);
    }

    @Test
    void givenALingerLongerThanASecondOrBelowZero_thenTheSettingsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> outbox(Duration.ofMillis(1_001)))
                .withMessageContaining("grassroots.outbox.linger");
        assertThatIllegalArgumentException().isThrownBy(() -> outbox(Duration.ofMillis(-1)))
                .withMessageContaining("grassroots.outbox.linger");
    }

    private static OutboxProperties outbox(Duration linger) {
        return new OutboxProperties(null, null, null, null, null, linger);
    }
}
