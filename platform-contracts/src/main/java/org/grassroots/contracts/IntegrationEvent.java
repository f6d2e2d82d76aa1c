package org.grassroots.contracts;

import java.time.Instant;

/**
 * An event one service publishes for others. Implementations are immutable records in this
 * module; their JSON form is fixed by the fixtures under {@code src/test/resources/contracts}.
 */
public interface IntegrationEvent {

    /** The id of the aggregate the event belongs to: the Kafka key and the CloudEvents {@code subject}. */
    String subject();

    /**
     * The aggregate's version after this change, starting at 1. Consumers keeping a read model
     * use it to ignore an event older than what they already hold.
     */
    long aggregateVersion();

    /**
     * The materialised organisation path of the area the aggregate belongs to, for example
     * {@code /qjp/qjp-wangying/qjp-wangying-fuqian}, so a consumer can filter by area without a lookup.
     */
    String orgPath();

    /** When the change happened in the producing service (not when it was published). */
    Instant occurredAt();
}
