package org.grassroots.evaluationservice.casefacts;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.platform.consumer.BusyTopicFetch;
import org.grassroots.platform.consumer.EventPipeline;
import org.grassroots.platform.consumer.EventRoutes;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one fact document per case from {@code case-events}. Idempotent by construction: the merge
 * in {@link CaseFact#apply} is idempotent and order-independent, and lands only at the revision it
 * read, so redelivery, out-of-order delivery and a replay of the whole topic all end in the same
 * facts; no event-id ledger is needed.
 */
@Component
class CaseFactsProjection {

    private final EventPipeline pipeline;
    private final EventRoutes routes;

    CaseFactsProjection(EventPipeline pipeline, CaseFactStore facts) {
        this.pipeline = pipeline;
        this.routes = EventRoutes.of("CaseFactsProjection")
                .on(CaseReported.class, (event, incoming) -> facts.open(event.caseId(), fact -> fact.apply(event)))
                .on(CaseEvent.class, (event, incoming) -> facts.merge(event.caseId(), fact -> fact.apply(event)))
                .build();
    }

    @KafkaListener(topics = Topics.CASE_EVENTS, properties = {BusyTopicFetch.MIN_BYTES, BusyTopicFetch.MAX_WAIT})
    void on(ConsumerRecord<String, byte[]> record) {
        pipeline.consume(record, routes);
    }
}
