package org.grassroots.contracts.orgs;

import java.time.Instant;

/**
 * A service station closed for good; its facts say it is no longer active.
 *
 * @param code             the station's code, also the event's subject and Kafka key
 * @param aggregateVersion the station's version after this change
 * @param orgPath          the path of the unit that runs it
 * @param occurredAt       when it happened
 * @param station          the station after this change
 */
public record StationClosed(
        String code,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        StationFacts station) implements StationEvent {

    public StationClosed {
        Require.recordEvent(code, aggregateVersion, orgPath, occurredAt, station, station == null ? null : station.code(),
                station == null ? null : station.orgPath());
    }
}
