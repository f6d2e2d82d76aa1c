package org.grassroots.caseservice.cases;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.EventCatalog;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.evaluation.CaseRated;
import org.grassroots.contracts.evaluation.Satisfaction;
import org.grassroots.platform.consumer.IdempotentConsumer;
import org.grassroots.platform.consumer.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * 发回重办 after a dissatisfied rating: a {@code CaseRated} with {@link Satisfaction#DISSATISFIED}
 * from evaluation-events reopens the closed case. The reopening remembers the rating in the case's
 * own write, so a redelivered rating changes nothing; the event id is then recorded in
 * {@value #COLLECTION} as the consumer's log. Other evaluation events are not case-service's business.
 */
@Component
class ReworkOnDissatisfiedRating {

    static final String COLLECTION = "applied_ratings";
    private static final Logger log = LoggerFactory.getLogger(ReworkOnDissatisfiedRating.class);
    private static final String CASE_RATED = EventCatalog.typeOf(CaseRated.class);

    private final EventCodec codec;
    private final IdempotentConsumer consumer;
    private final CaseService cases;

    ReworkOnDissatisfiedRating(EventCodec codec, IdempotentConsumer consumer, CaseService cases) {
        this.codec = codec;
        this.consumer = consumer;
        this.cases = cases;
    }

    @KafkaListener(topics = Topics.EVALUATION_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (type == null || !CASE_RATED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return;
        }
        IncomingEvent incoming = IncomingEvent.read(record, codec);
        CaseRated rated = (CaseRated) incoming.event();
        if (rated.satisfaction() != Satisfaction.DISSATISFIED) {
            return;
        }
        boolean reopened = cases.reworkAfterDissatisfiedRating(rated.caseId(), rated.ratingId());
        if (!consumer.recordOnce(COLLECTION, incoming.eventId(),
                new Document("caseId", rated.caseId()).append("ratingId", rated.ratingId())
                        .append("reopened", reopened))) {
            log.debug("Rating event {} was applied before", incoming.eventId());
        }
    }
}
