package org.grassroots.platform.consumer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.EventEnvelope;
import org.grassroots.contracts.IntegrationEvent;

/** A record from one of the platform's topics, read into its envelope and its event. */
public record IncomingEvent(EventEnvelope envelope, IntegrationEvent event, String topic, int partition, long offset) {

    /** The id under which a consumer records that it has applied this event. */
    public String eventId() {
        return envelope.id();
    }

    public static IncomingEvent read(ConsumerRecord<String, byte[]> record, EventCodec codec) {
        EventEnvelope envelope = EventEnvelope.fromHeaders(headers(record));
        IntegrationEvent event = codec.read(envelope.type(), record.value());
        return new IncomingEvent(envelope, event, record.topic(), record.partition(), record.offset());
    }

    static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }
}
