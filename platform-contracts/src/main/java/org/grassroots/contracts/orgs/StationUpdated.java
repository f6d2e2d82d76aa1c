package org.grassroots.contracts.orgs;

import java.time.Instant;

/**
 * A service station's name, place, unit or facilities changed.
 *
 * @param code             the station's code, also the event's subject and Kafka key
 * @param aggregateVersion the station's version after this change
 * @param orgPath          the path of the unit that runs it
 * @param occurredAt       when it happened
 * @param station          the station after this change
 */
public record StationUpdated(
        String code,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        StationFacts station) implements StationEvent {

    public StationUpdated {
        Require.recordEvent(code, aggregateVersion, orgPath, occurredAt, station, station == null ? null : station.code(),
                station == null ? null : station.orgPath());
    }
}
