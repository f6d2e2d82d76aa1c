package org.grassroots.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * What the broker knows of a service's consumer group, asked over the wire, for a listener whose
 * group id is made at start (a group of the instance's own).
 *
 * <pre>{@code
 * ConsumerGroups groups = ConsumerGroups.of(listeners, kafkaAdmin, "grid-service-locator-");
 * assertThat(groups.describe().members()).hasSize(1);
 * assertThat(groups.committed()).isEmpty();
 * }</pre>
 */
public final class ConsumerGroups {

    private final KafkaAdmin kafka;
    private final String group;

    private ConsumerGroups(KafkaAdmin kafka, String group) {
        this.kafka = kafka;
        this.group = group;
    }

    /** The group of this context's one listener whose group id starts with {@code prefix}. */
    public static ConsumerGroups of(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafka, String prefix) {
        String group = listeners.getAllListenerContainers().stream()
                .map(MessageListenerContainer::getGroupId)
                .filter(id -> id != null && id.startsWith(prefix))
                .reduce((one, another) -> {
                    throw new IllegalStateException("more than one listener's group starts with " + prefix);
                })
                .orElseThrow(() -> new IllegalStateException("no listener's group starts with " + prefix));
        return new ConsumerGroups(kafka, group);
    }

    public ConsumerGroupDescription describe() {
        try (Admin admin = Admin.create(kafka.getConfigurationProperties())) {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception failure) {
            throw new IllegalStateException("cannot describe consumer group " + group, failure);
        }
    }

    /** The offsets the broker keeps for the group, by partition: what it would leave behind. */
    public Map<TopicPartition, OffsetAndMetadata> committed() {
        try (Admin admin = Admin.create(kafka.getConfigurationProperties())) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        } catch (Exception failure) {
            throw new IllegalStateException("cannot list the offsets of consumer group " + group, failure);
        }
    }
}
