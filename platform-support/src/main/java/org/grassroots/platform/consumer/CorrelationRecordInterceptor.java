package org.grassroots.platform.consumer;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.platform.correlation.CorrelationId;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/** Puts the event's correlation id in the logging context while a listener handles it. */
class CorrelationRecordInterceptor implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        enter(record);
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        leave();
    }

    /** The same for a record of a batch, which Spring Kafka's record interceptors do not see. */
    static void enter(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.CORRELATION_ID);
        if (header != null && header.value() != null) {
            MDC.put(CorrelationId.MDC_KEY,
                    CorrelationId.acceptOrCreate(new String(header.value(), StandardCharsets.UTF_8)));
        }
    }

    static void leave() {
        MDC.remove(CorrelationId.MDC_KEY);
    }
}
