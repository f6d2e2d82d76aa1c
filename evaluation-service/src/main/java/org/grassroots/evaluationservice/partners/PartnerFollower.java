package org.grassroots.evaluationservice.partners;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.orgs.PartnerEvent;
import org.grassroots.platform.consumer.EventPipeline;
import org.grassroots.platform.consumer.EventRoutes;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link PartnerDirectory} in step with org-service's partners. Idempotent by construction
 * (every partner event carries the whole partner; the upsert lands only over an older version), so
 * no event-id record is kept; the other {@code org-events} have no route here and are skipped unread.
 */
@Component
class PartnerFollower {

    private final EventPipeline pipeline;
    private final EventRoutes routes;

    PartnerFollower(PartnerDirectory partners, EventPipeline pipeline) {
        this.pipeline = pipeline;
        this.routes = EventRoutes.of("PartnerFollower")
                .on(PartnerEvent.class, (event, incoming) -> partners.apply(event.partner(), event.aggregateVersion()))
                .build();
    }

    @KafkaListener(topics = Topics.ORG_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        pipeline.consume(record, routes);
    }
}
