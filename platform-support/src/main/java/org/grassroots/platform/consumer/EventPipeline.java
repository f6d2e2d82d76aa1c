package org.grassroots.platform.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The one way a listener consumes a record from a platform topic: read the CloudEvents envelope from
 * the headers, find the route for its type, skip the record if there is none (another consumer's
 * business, or a type newer than this version), otherwise read the payload and apply the handler.
 *
 * <p>What can go wrong goes to {@link KafkaConsumerConfiguration}'s error handler: a record without
 * an envelope or with a payload that cannot be read is parked on the dead-letter topic at once, a
 * failing handler is retried with back-off and then parked. Exactly-once is the handlers' part, as
 * {@link EventHandler} describes: their effect and its record are one write, or the effect is
 * idempotent, so the at-least-once delivery of Kafka applies each event once.
 *
 * <pre>{@code
 * private final EventRoutes routes = EventRoutes.of("ReworkOnDissatisfiedRating")
 *         .on(CaseRated.class, this::rework).build();
 *
 * @KafkaListener(topics = Topics.EVALUATION_EVENTS)
 * void on(ConsumerRecord<String, byte[]> record) {
 *     pipeline.consume(record, routes);
 * }
 * }</pre>
 *
 * <p>A listener whose effect is cheaper in bulk takes a poll's records at once and hands them to
 * {@link #consumeBatch} with a {@link BatchHandler}; failures end in the same retries and the same
 * dead-letter topic, record by record.
 */
public class EventPipeline {

    private static final Logger log = LoggerFactory.getLogger(EventPipeline.class);

    private final EventCodec codec;

    public EventPipeline(EventCodec codec) {
        this.codec = codec;
    }

    /** @return the event applied, or empty if the record's type has no route here */
    public Optional<IncomingEvent> consume(ConsumerRecord<String, byte[]> record, EventRoutes routes) {
        Optional<Routed> routed = read(record, routes);
        routed.ifPresent(Routed::apply);
        return routed.map(Routed::incoming);
    }

    /**
     * Consumes a poll's records ({@code @KafkaListener(batch = "true")}): reads those the routes take
     * and hands them to {@code batch} together. If a record cannot be read or {@code batch} throws,
     * the records are applied again one by one through the routes, and the first that fails is named
     * to the error handler, which commits the records before it, retries it and parks it as it
     * would a single record's, and delivers the records after it again.
     */
    public void consumeBatch(List<ConsumerRecord<String, byte[]>> records, EventRoutes routes, BatchHandler batch) {
        try {
            batch.apply(readAll(records, routes));
            return;
        } catch (RuntimeException failure) {
            log.info("{} applies {} records one by one: {}", routes.consumer(), records.size(),
                    DeadLetterReasons.reasonOf(failure).toString());
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            CorrelationRecordInterceptor.enter(record);
            try {
                consume(record, routes);
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException(routes.consumer() + " failed on a record", failure, record);
            } finally {
                CorrelationRecordInterceptor.leave();
            }
        }
    }

    private List<IncomingEvent> readAll(List<ConsumerRecord<String, byte[]>> records, EventRoutes routes) {
        List<IncomingEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            read(record, routes).ifPresent(routed -> events.add(routed.incoming()));
        }
        return events;
    }

    /** The record's envelope and event, with the route that takes it; empty if none does. */
    private Optional<Routed> read(ConsumerRecord<String, byte[]> record, EventRoutes routes) {
        EventEnvelope envelope = EventEnvelope.fromHeaders(IncomingEvent.headers(record));
        Optional<EventRoutes.Route<?>> route = routes.routeFor(envelope.type());
        if (route.isEmpty()) {
            log.trace("{} skips {} {}", routes.consumer(), envelope.type(), envelope.id());
            return Optional.empty();
        }
        IncomingEvent incoming = new IncomingEvent(envelope, codec.read(envelope.type(), record.value()),
                record.topic(), record.partition(), record.offset());
        return Optional.of(new Routed(route.get(), incoming));
    }

    private record Routed(EventRoutes.Route<?> route, IncomingEvent incoming) {

        void apply() {
            route.apply(incoming.event(), incoming);
        }
    }
}
