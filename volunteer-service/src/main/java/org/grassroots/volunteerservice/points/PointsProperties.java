package org.grassroots.volunteerservice.points;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The points ledger's settings ({@code grassroots.points}).
 *
 * @param zone the district's time zone, whose calendar years are the ledger's years
 */
@ConfigurationProperties("grassroots.points")
public record PointsProperties(ZoneId zone) {

    public PointsProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
