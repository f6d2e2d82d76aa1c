package org.grassroots.contracts.orgs;

import java.time.Instant;

/**
 * A service station (党群服务中心, 红色驿站, 暖心驿站, 小哥驿站) was registered.
 *
 * @param code             the station's code, also the event's subject and Kafka key
 * @param aggregateVersion the station's version after this change
 * @param orgPath          the path of the unit that runs it
 * @param occurredAt       when it happened
 * @param station          the station after this change
 */
public record StationRegistered(
        String code,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        StationFacts station) implements StationEvent {

    public StationRegistered {
        Require.recordEvent(code, aggregateVersion, orgPath, occurredAt, station, station == null ? null : station.code(),
                station == null ? null : station.orgPath());
    }
}
