package org.grassroots.gridservice.location;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.grids.GridEvent;
import org.grassroots.platform.consumer.EventPipeline;
import org.grassroots.platform.consumer.EventRoutes;
import org.grassroots.platform.consumer.InstanceFollower;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Keeps every instance's locator current when any instance changes a grid. Each instance reads
 * {@code grid-events} in a consumer group of its own (a fresh id per start), so every instance sees
 * every change, from the end of the topic: when its partitions are assigned the instance reloads all
 * grids from MongoDB, which already holds every change published before that moment (the container
 * fixes each partition's position before it calls {@link #onPartitionsAssigned}, so a change published
 * during the reload is read after it). So the group needs no offsets, and commits none
 * ({@link InstanceFollower}).
 *
 * <p>Idempotent by construction: a grid event reloads that grid from MongoDB (the event carries no
 * boundary), so a redelivery reloads the same state again.
 */
@Component
class GridEventsFollower implements ConsumerSeekAware {

    private final LocatorIndex index;
    private final EventPipeline pipeline;
    private final EventRoutes routes;

    GridEventsFollower(LocatorIndex index, EventPipeline pipeline) {
        this.index = index;
        this.pipeline = pipeline;
        this.routes = EventRoutes.of("GridEventsFollower")
                .on(GridEvent.class, (event, incoming) -> index.reload(event.code()))
                .build();
    }

    @KafkaListener(topics = Topics.GRID_EVENTS, groupId = "grid-service-locator-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest", containerPostProcessor = InstanceFollower.COMMITS_NOTHING)
    void on(ConsumerRecord<String, byte[]> record) {
        pipeline.consume(record, routes);
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
