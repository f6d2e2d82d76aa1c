package org.grassroots.gridservice.location;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.EventCatalog;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.grids.GridEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Keeps every instance's locator current when any instance changes a grid. Each instance reads
 * {@code grid-events} in a consumer group of its own (a fresh id per start), so every instance sees
 * every change, from the end of the topic: when its partitions are assigned the instance reloads all
 * grids from MongoDB, which already holds every change published before that moment.
 *
 * <p>Only grid events matter here; the record's type header says which, without reading the payload.
 * The grid is reloaded from MongoDB rather than taken from the event, which carries no boundary.
 */
@Component
class GridEventsFollower implements ConsumerSeekAware {

    private final LocatorIndex index;

    GridEventsFollower(LocatorIndex index) {
        this.index = index;
    }

    @KafkaListener(topics = Topics.GRID_EVENTS, groupId = "grid-service-locator-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, byte[]> record) {
        var type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (type == null) {
            return;
        }
        EventCatalog.find(new String(type.value(), java.nio.charset.StandardCharsets.UTF_8))
                .filter(GridEvent.class::isAssignableFrom)
                .ifPresent(gridEvent -> index.reload(record.key()));
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        index.reloadAll();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // nothing to hand over: the locator stays as it is until the next assignment reloads it
    }
}
