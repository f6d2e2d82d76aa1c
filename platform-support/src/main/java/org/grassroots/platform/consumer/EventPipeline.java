package org.grassroots.platform.consumer;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public class EventPipeline {

    private static final Logger log = LoggerFactory.getLogger(EventPipeline.class);

    private final EventCodec codec;

    public EventPipeline(EventCodec codec) {
        this.codec = codec;
    }

    /** @return the event applied, or empty if the record's type has no route here */
    public Optional<IncomingEvent> consume(ConsumerRecord<String, byte[]> record, EventRoutes routes) {
        EventEnvelope envelope = EventEnvelope.fromHeaders(IncomingEvent.headers(record));
        Optional<EventRoutes.Route<?>> route = routes.routeFor(envelope.type());
        if (route.isEmpty()) {
            log.trace("{} skips {} {}", routes.consumer(), envelope.type(), envelope.id());
            return Optional.empty();
        }
        IncomingEvent incoming = new IncomingEvent(envelope, codec.read(envelope.type(), record.value()),
                record.topic(), record.partition(), record.offset());
        route.get().apply(incoming.event(), incoming);
        return Optional.of(incoming);
    }
}
