package org.grassroots.platform.consumer;

/**
 * For a listener that follows a topic in a consumer group of its instance's own, a fresh id per
 * start, because every instance must see every record (a copy of the grids, a locator):
 * <pre>{@code
 * @KafkaListener(topics = Topics.GRID_EVENTS, groupId = "grid-service-locator-#{T(java.util.UUID).randomUUID()}",
 *         containerPostProcessor = InstanceFollower.COMMITS_NOTHING)
 * }</pre>
 * Such a group is never joined again once its instance goes, so an offset it committed would only be
 * left behind: the broker keeps a departed group's offsets for a week ({@code offsets.retention.minutes}),
 * and a lag exporter reports the group as falling further behind all that time. Its listener commits
 * nothing instead. It does not need to: where it starts is its own choice on every assignment (from
 * the start of the topic, or from the end after reloading what the topic has told), and what it does
 * with a record is idempotent, so a record read again after a rebalance changes nothing.
 */
public final class InstanceFollower {

    /** The container post-processor, a bean of {@link KafkaConsumerConfiguration}, that turns commits off. */
    public static final String COMMITS_NOTHING = "instanceFollowerCommitsNothing";

    private InstanceFollower() {
    }
}
