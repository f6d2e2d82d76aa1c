package org.grassroots.evaluationservice.stats;

import java.util.Date;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.platform.consumer.IdempotentConsumer;
import org.grassroots.platform.consumer.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one fact per reported case, recorded under the event's id: a redelivered or replayed
 * {@code CaseReported} finds its fact already there and counts nothing twice.
 */
@Component
class FiledCasesProjection {

    static final String COLLECTION = "filed_cases";
    private static final Logger log = LoggerFactory.getLogger(FiledCasesProjection.class);

    private final EventCodec codec;
    private final IdempotentConsumer consumer;

    FiledCasesProjection(EventCodec codec, IdempotentConsumer consumer) {
        this.codec = codec;
        this.consumer = consumer;
    }

    @KafkaListener(topics = Topics.CASE_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent incoming = IncomingEvent.read(record, codec);
        if (!(incoming.event() instanceof CaseReported reported)) {
            return;
        }
        Document fact = new Document("caseId", reported.caseId())
                .append("orgPath", reported.orgPath())
                .append("communityId", reported.facts().communityId())
                .append("categoryCode", reported.facts().categoryCode())
                .append("reportedAt", Date.from(reported.occurredAt()));
        if (!consumer.recordOnce(COLLECTION, incoming.eventId(), fact)) {
            log.debug("Event {} was applied before; ignored", incoming.eventId());
        }
    }
}
