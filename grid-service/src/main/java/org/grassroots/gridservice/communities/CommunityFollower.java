package org.grassroots.gridservice.communities;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.orgs.OrgUnitEvent;
import org.grassroots.contracts.orgs.OrgUnitFacts;
import org.grassroots.contracts.orgs.OrgUnitMoved;
import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.platform.consumer.EventPipeline;
import org.grassroots.platform.consumer.EventRoutes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link CommunityDirectory} in step with org-service. Idempotent by construction, so no
 * event-id record is kept (one written after the effect would be missing after a crash between the
 * two, and the effect would run again anyway): a community is upserted only over an older version,
 * a move rewrites paths to the values the event names, and the grids' following
 * ({@link CommunityMoved}) changes a grid only if its path or street differs.
 *
 * <p>On a move every community now under the new path is announced to its grids, not only those
 * whose path this delivery rewrote: after a crash between rewriting the paths and the grids
 * following, the redelivery finds the paths already rewritten, and the grids still follow.
 */
@Component
class CommunityFollower {

    private final CommunityDirectory directory;
    private final ApplicationEventPublisher publisher;
    private final EventPipeline pipeline;
    private final EventRoutes routes;

    CommunityFollower(CommunityDirectory directory, ApplicationEventPublisher publisher, EventPipeline pipeline) {
        this.directory = directory;
        this.publisher = publisher;
        this.pipeline = pipeline;
        this.routes = EventRoutes.of("CommunityFollower").on(OrgUnitEvent.class, (event, incoming) -> apply(event))
                .build();
    }

    @KafkaListener(topics = Topics.ORG_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        pipeline.consume(record, routes);
    }

    void apply(OrgUnitEvent event) {
        Map<String, Community> moved = new LinkedHashMap<>();
        OrgUnitFacts unit = event.unit();
        if (unit.type() == OrgUnitType.COMMUNITY) {
            directory.upsert(new Community(unit.code(), unit.name(), unit.parentCode(), unit.path(), unit.retired(),
                    event.aggregateVersion()));
            if (event instanceof OrgUnitMoved) {
                directory.find(unit.code()).ifPresent(community -> moved.put(community.code(), community));
            }
        }
        if (event instanceof OrgUnitMoved move) {
            directory.movePathsUnder(move.previousPath(), unit.path());
            directory.under(unit.path()).forEach(community -> moved.put(community.code(), community));
        }
        moved.values().forEach(community -> publisher.publishEvent(new CommunityMoved(community)));
    }
}
