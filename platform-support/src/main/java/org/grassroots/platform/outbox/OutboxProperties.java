package org.grassroots.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections   collections whose documents carry an outbox; the store adds any it writes
 *                      to, these make sure events left before a restart are found at once
 * @param pollInterval  how often the relay looks without being woken (after a crash, or another
 *                      instance's write)
 * @param batchSize     documents claimed per round
 * @param lease         how long one instance owns a document's outbox while publishing it
 * @param maxBackoff    longest wait between attempts while Kafka is unreachable
 */
@ConfigurationProperties("grassroots.outbox")
public record OutboxProperties(
        List<String> collections,
        Duration pollInterval,
        Integer batchSize,
        Duration lease,
        Duration maxBackoff) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        batchSize = batchSize == null ? 200 : batchSize;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(10) : maxBackoff;
    }
}
