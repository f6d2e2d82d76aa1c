package org.grassroots.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections   collections whose documents carry an outbox; the store adds any it writes
 *                      to, these make sure events left before a restart are found at once
 * @param pollInterval  how often the relay scans every collection without being woken: for events
 *                      a crash or another instance left (10 s; a write names its document to the
 *                      relay, and a scan reads every document where the store has no index for it)
 * @param batchSize     documents claimed per round
 * @param lease         how long one instance owns a document's outbox while publishing it; the
 *                      producer retries an unacknowledged send for all but the last five seconds
 *                      of it (see {@link #deliveryTimeout()}), at least 15 s
 * @param maxBackoff    longest wait between attempts while Kafka is unreachable
 * @param linger        how long the producer holds a send for others to join it in one request:
 *                      under load the broker's cost is per request more than per event, and each
 *                      event arrives this much later at most (20 ms, at most 1 s)
 */
@ConfigurationProperties("grassroots.outbox")
public record OutboxProperties(
        List<String> collections,
        Duration pollInterval,
        Integer batchSize,
        Duration lease,
        Duration maxBackoff,
        Duration linger) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        batchSize = batchSize == null ? 200 : batchSize;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(10) : maxBackoff;
        linger = linger == null ? Duration.ofMillis(20) : linger;
        if (lease.compareTo(Duration.ofSeconds(15)) < 0) {
            throw new IllegalArgumentException("grassroots.outbox.lease must be at least 15 s, was " + lease);
        }
        if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("grassroots.outbox.linger must be between 0 and 1 s, was " + linger);
        }
    }

    /**
     * How long the producer retries one send before it gives up: the lease less five seconds, so
     * the answer, whatever it is, comes while this instance still owns the outbox. Within that
     * time a broker that went down and came back gets the same batch again with the same
     * sequence number and drops it if it had already written it; a send given up after it is
     * sent again as a new record, which a consumer sees twice (with the same {@code ce_id}).
     */
    public Duration deliveryTimeout() {
        return lease.minusSeconds(5);
    }
}
