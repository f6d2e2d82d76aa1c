package org.grassroots.caseservice.intake;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.grids.GridEvent;
import org.grassroots.platform.consumer.EventPipeline;
import org.grassroots.platform.consumer.EventRoutes;
import org.grassroots.platform.consumer.InstanceFollower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link GridBoundaries} from {@code grid-events}. Every instance needs every grid, so each reads
 * the whole topic in a consumer group of its own (a fresh id per start, from the earliest record: the
 * topic keeps its history), and commits nothing ({@link InstanceFollower}). When its partitions are
 * assigned it asks the broker where each ends; once it has read that far on every partition the copy
 * is complete as of its start, and says so.
 */
@Component
class GridBoundariesFollower implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(GridBoundariesFollower.class);

    private final GridBoundaries boundaries;
    private final EventPipeline pipeline;
    private final KafkaAdmin admin;
    private final EventRoutes routes;
    /** Per partition, the offset to reach before the copy counts as read; touched on the listener's thread only. */
    private final Map<TopicPartition, Long> toReach = new HashMap<>();

    GridBoundariesFollower(GridBoundaries boundaries, EventPipeline pipeline, KafkaAdmin admin) {
        this.boundaries = boundaries;
        this.pipeline = pipeline;
        this.admin = admin;
        this.routes = EventRoutes.of("GridBoundariesFollower")
                .on(GridEvent.class, (event, incoming) -> boundaries.apply(event))
                .build();
    }

    @KafkaListener(topics = Topics.GRID_EVENTS,
            groupId = "case-service-grid-boundaries-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=earliest", containerPostProcessor = InstanceFollower.COMMITS_NOTHING)
    void on(ConsumerRecord<String, byte[]> record) {
        try {
            pipeline.consume(record, routes);
        } finally {
            // A record no one can read (parked on the dead-letter topic) holds no grid: it still counts as read.
            reached(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> positions, ConsumerSeekCallback callback) {
        if (positions.isEmpty()) {
            return;
        }
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetSpec> latest = positions.keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            client.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, end) -> toReach.put(partition, end.offset()));
        } catch (ExecutionException | TimeoutException failure) {
            log.warn("Cannot learn where grid-events ends ({}); reports stay located by grid-service until"
                    + " the next assignment", failure.toString());
            return;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        }
        positions.forEach(this::reached);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // the copy stays as it is; the next assignment reads the topic from its start again, and a grid's
        // versions make every event already applied change nothing
    }

    private void reached(TopicPartition partition, long position) {
        Long end = toReach.get(partition);
        if (end != null && position >= end) {
            toReach.remove(partition);
            if (toReach.isEmpty()) {
                boundaries.caughtUp();
            }
        }
    }
}
