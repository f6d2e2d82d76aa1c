package org.grassroots.caseservice.changes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The case-change stream ({@code GET /api/cases/changes}).
 *
 * @param enabled     whether this instance follows {@code case-events} and serves streams at all
 * @param maxStreams  open streams one instance serves at once; more are refused with 503 and
 *                    {@code Retry-After}, and the console falls back to polling
 * @param heartbeat   how often an idle stream gets a comment line, so proxies and browsers keep it
 * @param maxLifetime longest a stream stays open; it also ends when the caller's token expires, so
 *                    the client reconnects with a fresh token (and a withdrawn role stops the stream)
 * @param queue       changes waiting for one slow client; beyond this its stream is closed
 */
@ConfigurationProperties("grassroots.case-changes")
public record CaseChangesProperties(Boolean enabled, Integer maxStreams, Duration heartbeat, Duration maxLifetime,
        Integer queue) {

    public CaseChangesProperties {
        enabled = enabled == null || enabled;
        maxStreams = maxStreams == null ? 200 : maxStreams;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        maxLifetime = maxLifetime == null ? Duration.ofMinutes(30) : maxLifetime;
        queue = queue == null ? 256 : queue;
    }
}
