package org.grassroots.evaluationservice.casefacts;

import java.util.List;

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
 *
 * <p>It takes a poll's events at once: the facts of the cases they report are inserted in one write
 * ({@link CaseFactStore#applyAll}): an insert per report was half of this service's CPU under load
 * (docs/benchmarks.md, round 30). Should that fail, the routes apply the events one by one.
 */
@Component
class CaseFactsProjection {

    private final EventPipeline pipeline;
    private final CaseFactStore facts;
    private final EventRoutes routes;

    CaseFactsProjection(EventPipeline pipeline, CaseFactStore facts) {
        this.pipeline = pipeline;
        this.facts = facts;
        this.routes = EventRoutes.of("CaseFactsProjection")
                .on(CaseReported.class, (event, incoming) -> facts.open(event.caseId(), fact -> fact.apply(event)))
                .on(CaseEvent.class, (event, incoming) -> facts.merge(event.caseId(), fact -> fact.apply(event)))
                .build();
    }

    @KafkaListener(topics = Topics.CASE_EVENTS, batch = "true",
            properties = {BusyTopicFetch.MIN_BYTES, BusyTopicFetch.MAX_WAIT})
    void on(List<ConsumerRecord<String, byte[]>> records) {
        pipeline.consumeBatch(records, routes,
                events -> facts.applyAll(events.stream().map(incoming -> (CaseEvent) incoming.event()).toList()));
    }
}
