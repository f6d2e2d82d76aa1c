package org.grassroots.platform.consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Fetch settings for a listener that follows a busy topic ({@code case-events}) into a projection
 * nobody waits on to the millisecond (statistics, points): the broker answers its fetch once 64 KB
 * are there or 100 ms have passed, instead of as soon as one record is.
 * <pre>{@code
 * @KafkaListener(topics = Topics.CASE_EVENTS, properties = {BusyTopicFetch.MIN_BYTES, BusyTopicFetch.MAX_WAIT})
 * }</pre>
 * With Kafka's defaults (1 byte, 500 ms) such a listener fetched about one record at a time under
 * load, and committed its offset after each: two broker requests per event per listener, and the
 * broker pays for each request whatever it carries (docs/benchmarks.md, round 11). Batched, a poll
 * carries what came in 100 ms, and the listener commits once per poll. An idle listener asks ten
 * times a second instead of twice. The case-change feed behind the console, which a person waits on,
 * batches the same way with a shorter wait (50 ms); the quiet topics keep the defaults.
 */
public final class BusyTopicFetch {

    /** The batch a fetch waits for, in bytes; also the case-change feed's, which sets it in code. */
    public static final int BATCH_BYTES = 65536;

    /** Answer a fetch once this much is there… */
    public static final String MIN_BYTES = ConsumerConfig.FETCH_MIN_BYTES_CONFIG + "=" + BATCH_BYTES;

    /** …or once this long has passed, whichever comes first. */
    public static final String MAX_WAIT = ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG + "=100";

    private BusyTopicFetch() {
    }
}
