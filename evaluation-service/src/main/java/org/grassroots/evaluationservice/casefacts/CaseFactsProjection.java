package org.grassroots.evaluationservice.casefacts;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.EventCatalog;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.EventEnvelope;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.platform.consumer.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one fact document per case from {@code case-events}. The merge in {@link CaseFact#apply}
 * is idempotent and order-independent, so redelivery, out-of-order delivery and a replay of the
 * whole topic all end in the same facts; no event-id ledger is needed.
 */
@Component
class CaseFactsProjection {

    private static final Logger log = LoggerFactory.getLogger(CaseFactsProjection.class);

    private final EventCodec codec;
    private final CaseFactStore facts;

    CaseFactsProjection(EventCodec codec, CaseFactStore facts) {
        this.codec = codec;
        this.facts = facts;
    }

    @KafkaListener(topics = Topics.CASE_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        String type = EventEnvelope.fromHeaders(headers(record)).type();
        if (EventCatalog.find(type).isEmpty()) {
            log.debug("Skipping event type {} this version does not know", type);
            return;
        }
        if (IncomingEvent.read(record, codec).event() instanceof CaseEvent event) {
            facts.merge(event.caseId(), fact -> fact.apply(event));
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(header -> {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        });
        return headers;
    }
}
